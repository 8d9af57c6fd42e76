//! The WAProto enums the message types use: names and numbers (either may be sent).

use crate::proto::proto_enum;

proto_enum! {
    /// What a protocol message does.
    ///
    /// WAProto: `Message.ProtocolMessage.Type`.
    pub enum ProtocolMessageType {
        /// Deletes a message for everyone (0).
        Revoke = "REVOKE" = 0,
        /// Changes disappearing messages (3).
        EphemeralSetting = "EPHEMERAL_SETTING" = 3,
        /// Number 4.
        EphemeralSyncResponse = "EPHEMERAL_SYNC_RESPONSE" = 4,
        /// Announces a history sync (5).
        HistorySyncNotification = "HISTORY_SYNC_NOTIFICATION" = 5,
        /// Shares app state keys (6).
        AppStateSyncKeyShare = "APP_STATE_SYNC_KEY_SHARE" = 6,
        /// Number 7.
        AppStateSyncKeyRequest = "APP_STATE_SYNC_KEY_REQUEST" = 7,
        /// Number 8.
        MsgFanoutBackfillRequest = "MSG_FANOUT_BACKFILL_REQUEST" = 8,
        /// Number 9.
        InitialSecurityNotificationSettingSync = "INITIAL_SECURITY_NOTIFICATION_SETTING_SYNC" = 9,
        /// Number 10.
        AppStateFatalExceptionNotification = "APP_STATE_FATAL_EXCEPTION_NOTIFICATION" = 10,
        /// Shares the phone number (11).
        SharePhoneNumber = "SHARE_PHONE_NUMBER" = 11,
        /// Edits a message (14).
        MessageEdit = "MESSAGE_EDIT" = 14,
        /// Number 16.
        PeerDataOperationRequestMessage = "PEER_DATA_OPERATION_REQUEST_MESSAGE" = 16,
        /// Number 17.
        PeerDataOperationRequestResponseMessage = "PEER_DATA_OPERATION_REQUEST_RESPONSE_MESSAGE" = 17,
        /// Number 18.
        RequestWelcomeMessage = "REQUEST_WELCOME_MESSAGE" = 18,
        /// Number 19.
        BotFeedbackMessage = "BOT_FEEDBACK_MESSAGE" = 19,
        /// Number 20.
        MediaNotifyMessage = "MEDIA_NOTIFY_MESSAGE" = 20,
        /// Number 21.
        CloudApiThreadControlNotification = "CLOUD_API_THREAD_CONTROL_NOTIFICATION" = 21,
        /// Number 22.
        LidMigrationMappingSync = "LID_MIGRATION_MAPPING_SYNC" = 22,
        /// Number 23.
        ReminderMessage = "REMINDER_MESSAGE" = 23,
        /// Number 24.
        BotMemuOnboardingMessage = "BOT_MEMU_ONBOARDING_MESSAGE" = 24,
        /// Number 25.
        StatusMentionMessage = "STATUS_MENTION_MESSAGE" = 25,
        /// Number 26.
        StopGenerationMessage = "STOP_GENERATION_MESSAGE" = 26,
        /// Number 27.
        LimitSharing = "LIMIT_SHARING" = 27,
        /// Number 28.
        AiPsiMetadata = "AI_PSI_METADATA" = 28,
        /// Number 29.
        AiQueryFanout = "AI_QUERY_FANOUT" = 29,
        /// Number 30.
        GroupMemberLabelChange = "GROUP_MEMBER_LABEL_CHANGE" = 30,
    }
}

proto_enum! {
    /// The encryption domain of a media key.
    ///
    /// WAProto: `Message.MediaKeyDomain`.
    pub enum MediaKeyDomain {
        /// Number 0.
        Unset = "UNSET" = 0,
        /// Number 1.
        E2eeChat = "E2EE_CHAT" = 1,
        /// Number 2.
        Status = "STATUS" = 2,
        /// Number 3.
        Capi = "CAPI" = 3,
        /// Number 4.
        Bot = "BOT" = 4,
    }
}

proto_enum! {
    /// Who made an image.
    ///
    /// WAProto: `Message.ImageMessage.ImageSourceType`.
    pub enum ImageSourceType {
        /// Number 0.
        UserImage = "USER_IMAGE" = 0,
        /// Number 1.
        AiGenerated = "AI_GENERATED" = 1,
        /// Number 2.
        AiModified = "AI_MODIFIED" = 2,
        /// Number 3.
        RasterizedTextStatus = "RASTERIZED_TEXT_STATUS" = 3,
    }
}

proto_enum! {
    /// The provider of a GIF.
    ///
    /// WAProto: `Message.VideoMessage.Attribution`.
    pub enum VideoAttribution {
        /// Number 0.
        None = "NONE" = 0,
        /// Number 1.
        Giphy = "GIPHY" = 1,
        /// Number 2.
        Tenor = "TENOR" = 2,
        /// Number 3.
        Klipy = "KLIPY" = 3,
    }
}

proto_enum! {
    /// Who made a video.
    ///
    /// WAProto: `Message.VideoMessage.VideoSourceType`.
    pub enum VideoSourceType {
        /// Number 0.
        UserVideo = "USER_VIDEO" = 0,
        /// Number 1.
        AiGenerated = "AI_GENERATED" = 1,
    }
}

proto_enum! {
    /// Font of a text status.
    ///
    /// WAProto: `Message.ExtendedTextMessage.FontType`.
    pub enum FontType {
        /// Number 0.
        System = "SYSTEM" = 0,
        /// Number 1.
        SystemText = "SYSTEM_TEXT" = 1,
        /// Number 2.
        FbScript = "FB_SCRIPT" = 2,
        /// Number 6.
        SystemBold = "SYSTEM_BOLD" = 6,
        /// Number 7.
        MorningbreezeRegular = "MORNINGBREEZE_REGULAR" = 7,
        /// Number 8.
        CalistogaRegular = "CALISTOGA_REGULAR" = 8,
        /// Number 9.
        Exo2Extrabold = "EXO2_EXTRABOLD" = 9,
        /// Number 10.
        CourierprimeBold = "COURIERPRIME_BOLD" = 10,
    }
}

proto_enum! {
    /// Kind of link preview.
    ///
    /// WAProto: `Message.ExtendedTextMessage.PreviewType`.
    pub enum PreviewType {
        /// No preview (0).
        None = "NONE" = 0,
        /// A video preview (1).
        Video = "VIDEO" = 1,
        /// Number 4.
        Placeholder = "PLACEHOLDER" = 4,
        /// An image preview (5).
        Image = "IMAGE" = 5,
        /// Number 6.
        PaymentLinks = "PAYMENT_LINKS" = 6,
        /// Number 7.
        Profile = "PROFILE" = 7,
    }
}

proto_enum! {
    /// Kind of group a group invite link leads to.
    ///
    /// WAProto: `Message.ExtendedTextMessage.InviteLinkGroupType`.
    pub enum InviteLinkGroupType {
        /// Number 0.
        Default = "DEFAULT" = 0,
        /// Number 1.
        Parent = "PARENT" = 1,
        /// Number 2.
        Sub = "SUB" = 2,
        /// Number 3.
        DefaultSub = "DEFAULT_SUB" = 3,
    }
}

proto_enum! {
    /// Kind of social media post previewed.
    ///
    /// WAProto: `Message.LinkPreviewMetadata.SocialMediaPostType`.
    pub enum SocialMediaPostType {
        /// Number 0.
        None = "NONE" = 0,
        /// Number 1.
        Reel = "REEL" = 1,
        /// Number 2.
        LiveVideo = "LIVE_VIDEO" = 2,
        /// Number 3.
        LongVideo = "LONG_VIDEO" = 3,
        /// Number 4.
        SingleImage = "SINGLE_IMAGE" = 4,
        /// Number 5.
        Carousel = "CAROUSEL" = 5,
    }
}

proto_enum! {
    /// An account's encryption: end to end, or hosted by Meta (Cloud API).
    ///
    /// WAProto: `ADVEncryptionType`.
    pub enum AdvEncryptionType {
        /// End-to-end encrypted (0).
        E2ee = "E2EE" = 0,
        /// Hosted by Meta (1).
        Hosted = "HOSTED" = 1,
    }
}

proto_enum! {
    /// How message add-ons expire.
    ///
    /// WAProto: `MessageContextInfo.MessageAddonExpiryType`.
    pub enum MessageAddonExpiryType {
        /// Number 1.
        Static = "STATIC" = 1,
        /// Number 2.
        DependentOnParent = "DEPENDENT_ON_PARENT" = 2,
    }
}

proto_enum! {
    /// Kind of thread.
    ///
    /// WAProto: `ThreadID.ThreadType`.
    pub enum ThreadType {
        /// Number 0.
        Unknown = "UNKNOWN" = 0,
        /// Number 1.
        ViewReplies = "VIEW_REPLIES" = 1,
        /// Number 2.
        AiThread = "AI_THREAD" = 2,
    }
}

proto_enum! {
    /// How a message belongs to another.
    ///
    /// WAProto: `MessageAssociation.AssociationType`.
    pub enum AssociationType {
        /// Number 0.
        Unknown = "UNKNOWN" = 0,
        /// Number 1.
        MediaAlbum = "MEDIA_ALBUM" = 1,
        /// Number 2.
        BotPlugin = "BOT_PLUGIN" = 2,
        /// Number 3.
        EventCoverImage = "EVENT_COVER_IMAGE" = 3,
        /// Number 4.
        StatusPoll = "STATUS_POLL" = 4,
        /// Number 5.
        HdVideoDualUpload = "HD_VIDEO_DUAL_UPLOAD" = 5,
        /// Number 6.
        StatusExternalReshare = "STATUS_EXTERNAL_RESHARE" = 6,
        /// Number 7.
        MediaPoll = "MEDIA_POLL" = 7,
        /// Number 8.
        StatusAddYours = "STATUS_ADD_YOURS" = 8,
        /// Number 9.
        StatusNotification = "STATUS_NOTIFICATION" = 9,
        /// Number 10.
        HdImageDualUpload = "HD_IMAGE_DUAL_UPLOAD" = 10,
        /// Number 11.
        StickerAnnotation = "STICKER_ANNOTATION" = 11,
        /// Number 12.
        MotionPhoto = "MOTION_PHOTO" = 12,
        /// Number 13.
        StatusLinkAction = "STATUS_LINK_ACTION" = 13,
        /// Number 14.
        ViewAllReplies = "VIEW_ALL_REPLIES" = 14,
        /// Number 15.
        StatusAddYoursAiImagine = "STATUS_ADD_YOURS_AI_IMAGINE" = 15,
        /// Number 16.
        StatusQuestion = "STATUS_QUESTION" = 16,
        /// Number 17.
        StatusAddYoursDiwali = "STATUS_ADD_YOURS_DIWALI" = 17,
        /// Number 18.
        StatusReaction = "STATUS_REACTION" = 18,
        /// Number 19.
        HevcVideoDualUpload = "HEVC_VIDEO_DUAL_UPLOAD" = 19,
    }
}

proto_enum! {
    /// How links open.
    ///
    /// WAProto: `WebLinkRenderConfig`.
    pub enum WebLinkRenderConfig {
        /// Number 0.
        Webview = "WEBVIEW" = 0,
        /// Number 1.
        System = "SYSTEM" = 1,
    }
}

proto_enum! {
    /// What limited sharing.
    ///
    /// WAProto: `LimitSharing.TriggerType`.
    pub enum LimitSharingTrigger {
        /// Number 0.
        Unknown = "UNKNOWN" = 0,
        /// Number 1.
        ChatSetting = "CHAT_SETTING" = 1,
        /// Number 2.
        BizSupportsFbHosting = "BIZ_SUPPORTS_FB_HOSTING" = 2,
        /// Number 3.
        UnknownGroup = "UNKNOWN_GROUP" = 3,
    }
}

proto_enum! {
    /// Who turned disappearing messages on.
    ///
    /// WAProto: `DisappearingMode.Initiator`.
    pub enum DisappearingModeInitiator {
        /// Changed in the chat (0).
        ChangedInChat = "CHANGED_IN_CHAT" = 0,
        /// This line (1).
        InitiatedByMe = "INITIATED_BY_ME" = 1,
        /// The other party (2).
        InitiatedByOther = "INITIATED_BY_OTHER" = 2,
        /// Number 3.
        BizUpgradeFbHosting = "BIZ_UPGRADE_FB_HOSTING" = 3,
    }
}

proto_enum! {
    /// What turned disappearing messages on.
    ///
    /// WAProto: `DisappearingMode.Trigger`.
    pub enum DisappearingModeTrigger {
        /// Number 0.
        Unknown = "UNKNOWN" = 0,
        /// The chat setting (1).
        ChatSetting = "CHAT_SETTING" = 1,
        /// The default timer of the account (2).
        AccountSetting = "ACCOUNT_SETTING" = 2,
        /// Number 3.
        BulkChange = "BULK_CHANGE" = 3,
        /// Number 4.
        BizSupportsFbHosting = "BIZ_SUPPORTS_FB_HOSTING" = 4,
        /// Number 5.
        UnknownGroups = "UNKNOWN_GROUPS" = 5,
    }
}

proto_enum! {
    /// Media of an ad (proto `ContextInfo.AdReplyInfo.MediaType` and
    /// `ContextInfo.ExternalAdReplyInfo.MediaType`, which have the same values).
    ///
    /// WAProto: `ContextInfo.AdReplyInfo.MediaType`.
    pub enum AdMediaType {
        /// Number 0.
        None = "NONE" = 0,
        /// Number 1.
        Image = "IMAGE" = 1,
        /// Number 2.
        Video = "VIDEO" = 2,
    }
}

proto_enum! {
    /// Kind of ad.
    ///
    /// WAProto: `ContextInfo.ExternalAdReplyInfo.AdType`.
    pub enum ExternalAdType {
        /// Number 0.
        Ctwa = "CTWA" = 0,
        /// Number 1.
        Cawc = "CAWC" = 1,
    }
}

proto_enum! {
    /// Kind of channel post.
    ///
    /// WAProto: `ContextInfo.ForwardedNewsletterMessageInfo.ContentType`.
    pub enum NewsletterContentType {
        /// Number 1.
        Update = "UPDATE" = 1,
        /// Number 2.
        UpdateCard = "UPDATE_CARD" = 2,
        /// Number 3.
        LinkCard = "LINK_CARD" = 3,
    }
}

proto_enum! {
    /// Where a forwarded message came from.
    ///
    /// WAProto: `ContextInfo.ForwardOrigin`.
    pub enum ForwardOrigin {
        /// Number 0.
        Unknown = "UNKNOWN" = 0,
        /// Number 1.
        Chat = "CHAT" = 1,
        /// Number 2.
        Status = "STATUS" = 2,
        /// Number 3.
        Channels = "CHANNELS" = 3,
        /// Number 4.
        MetaAi = "META_AI" = 4,
        /// Number 5.
        Ugc = "UGC" = 5,
    }
}

proto_enum! {
    /// How media is paired (SD/HD copies, motion photos).
    ///
    /// WAProto: `ContextInfo.PairedMediaType`.
    pub enum PairedMediaType {
        /// Number 0.
        NotPairedMedia = "NOT_PAIRED_MEDIA" = 0,
        /// Number 1.
        SdVideoParent = "SD_VIDEO_PARENT" = 1,
        /// Number 2.
        HdVideoChild = "HD_VIDEO_CHILD" = 2,
        /// Number 3.
        SdImageParent = "SD_IMAGE_PARENT" = 3,
        /// Number 4.
        HdImageChild = "HD_IMAGE_CHILD" = 4,
        /// Number 5.
        MotionPhotoParent = "MOTION_PHOTO_PARENT" = 5,
        /// Number 6.
        MotionPhotoChild = "MOTION_PHOTO_CHILD" = 6,
        /// Number 7.
        HevcVideoParent = "HEVC_VIDEO_PARENT" = 7,
        /// Number 8.
        HevcVideoChild = "HEVC_VIDEO_CHILD" = 8,
    }
}

proto_enum! {
    /// How a message was quoted.
    ///
    /// WAProto: `ContextInfo.QuotedType`.
    pub enum QuotedType {
        /// Number 0.
        Explicit = "EXPLICIT" = 0,
        /// Number 1.
        Auto = "AUTO" = 1,
    }
}

proto_enum! {
    /// How a status was reshared.
    ///
    /// WAProto: `ContextInfo.StatusAttributionType`.
    pub enum StatusAttributionType {
        /// Number 0.
        None = "NONE" = 0,
        /// Number 1.
        ResharedFromMention = "RESHARED_FROM_MENTION" = 1,
        /// Number 2.
        ResharedFromPost = "RESHARED_FROM_POST" = 2,
        /// Number 3.
        ResharedFromPostManyTimes = "RESHARED_FROM_POST_MANY_TIMES" = 3,
        /// Number 4.
        ForwardedFromStatus = "FORWARDED_FROM_STATUS" = 4,
    }
}

proto_enum! {
    /// Kind of status.
    ///
    /// WAProto: `ContextInfo.StatusSourceType`.
    pub enum StatusSourceType {
        /// Number 0.
        Image = "IMAGE" = 0,
        /// Number 1.
        Video = "VIDEO" = 1,
        /// Number 2.
        Gif = "GIF" = 2,
        /// Number 3.
        Audio = "AUDIO" = 3,
        /// Number 4.
        Text = "TEXT" = 4,
        /// Number 5.
        MusicStandalone = "MUSIC_STANDALONE" = 5,
    }
}

proto_enum! {
    /// Audience of a status.
    ///
    /// WAProto: `ContextInfo.StatusAudienceMetadata.AudienceType`.
    pub enum StatusAudienceType {
        /// Number 0.
        Unknown = "UNKNOWN" = 0,
        /// Number 1.
        CloseFriends = "CLOSE_FRIENDS" = 1,
    }
}

proto_enum! {
    /// Kind of status attribution.
    ///
    /// WAProto: `StatusAttribution.Type`.
    pub enum StatusAttributionKind {
        /// Number 0.
        Unknown = "UNKNOWN" = 0,
        /// Number 1.
        Reshare = "RESHARE" = 1,
        /// Number 2.
        ExternalShare = "EXTERNAL_SHARE" = 2,
        /// Number 3.
        Music = "MUSIC" = 3,
        /// Number 4.
        StatusMention = "STATUS_MENTION" = 4,
        /// Number 5.
        GroupStatus = "GROUP_STATUS" = 5,
        /// Number 6.
        RlAttribution = "RL_ATTRIBUTION" = 6,
        /// Number 7.
        AiCreated = "AI_CREATED" = 7,
        /// Number 8.
        Layouts = "LAYOUTS" = 8,
    }
}

proto_enum! {
    /// Source of an AI-made status.
    ///
    /// WAProto: `StatusAttribution.AiCreatedAttribution.Source`.
    pub enum AiCreatedSource {
        /// Number 0.
        Unknown = "UNKNOWN" = 0,
        /// Number 1.
        StatusMimicry = "STATUS_MIMICRY" = 1,
    }
}

proto_enum! {
    /// The app a status was shared from.
    ///
    /// WAProto: `StatusAttribution.ExternalShare.Source`.
    pub enum ExternalShareSource {
        /// Number 0.
        Unknown = "UNKNOWN" = 0,
        /// Number 1.
        Instagram = "INSTAGRAM" = 1,
        /// Number 2.
        Facebook = "FACEBOOK" = 2,
        /// Number 3.
        Messenger = "MESSENGER" = 3,
        /// Number 4.
        Spotify = "SPOTIFY" = 4,
        /// Number 5.
        Youtube = "YOUTUBE" = 5,
        /// Number 6.
        Pinterest = "PINTEREST" = 6,
        /// Number 7.
        Threads = "THREADS" = 7,
        /// Number 8.
        AppleMusic = "APPLE_MUSIC" = 8,
        /// Number 9.
        Sharechat = "SHARECHAT" = 9,
        /// Number 10.
        GooglePhotos = "GOOGLE_PHOTOS" = 10,
    }
}

proto_enum! {
    /// The glasses a status was made with.
    ///
    /// WAProto: `StatusAttribution.RLAttribution.Source`.
    pub enum RlAttributionSource {
        /// Number 0.
        Unknown = "UNKNOWN" = 0,
        /// Number 1.
        RayBanMetaGlasses = "RAY_BAN_META_GLASSES" = 1,
        /// Number 2.
        OakleyMetaGlasses = "OAKLEY_META_GLASSES" = 2,
        /// Number 3.
        HypernovaGlasses = "HYPERNOVA_GLASSES" = 3,
    }
}

proto_enum! {
    /// How a status was reshared.
    ///
    /// WAProto: `StatusAttribution.StatusReshare.Source`.
    pub enum StatusReshareSource {
        /// Number 0.
        Unknown = "UNKNOWN" = 0,
        /// Number 1.
        InternalReshare = "INTERNAL_RESHARE" = 1,
        /// Number 2.
        MentionReshare = "MENTION_RESHARE" = 2,
        /// Number 3.
        ChannelReshare = "CHANNEL_RESHARE" = 3,
        /// Number 4.
        Forward = "FORWARD" = 4,
    }
}

proto_enum! {
    /// How a link in a status is shown.
    ///
    /// WAProto: `InteractiveAnnotation.StatusLinkType`.
    pub enum StatusLinkType {
        /// Number 1.
        RasterizedLinkPreview = "RASTERIZED_LINK_PREVIEW" = 1,
        /// Number 2.
        RasterizedLinkTruncated = "RASTERIZED_LINK_TRUNCATED" = 2,
        /// Number 3.
        RasterizedLinkFullUrl = "RASTERIZED_LINK_FULL_URL" = 3,
    }
}

proto_enum! {
    /// Quality of a video rendition.
    ///
    /// WAProto: `ProcessedVideo.VideoQuality`.
    pub enum VideoQuality {
        /// Number 0.
        Undefined = "UNDEFINED" = 0,
        /// Number 1.
        Low = "LOW" = 1,
        /// Number 2.
        Mid = "MID" = 2,
        /// Number 3.
        High = "HIGH" = 3,
    }
}

proto_enum! {
    /// What poll options hold.
    ///
    /// WAProto: `Message.PollContentType`.
    pub enum PollContentType {
        /// Number 0.
        Unknown = "UNKNOWN" = 0,
        /// Number 1.
        Text = "TEXT" = 1,
        /// Number 2.
        Image = "IMAGE" = 2,
    }
}

proto_enum! {
    /// A poll or a quiz.
    ///
    /// WAProto: `Message.PollType`.
    pub enum PollType {
        /// A poll (0).
        Poll = "POLL" = 0,
        /// A quiz, with a correct answer (1).
        Quiz = "QUIZ" = 1,
    }
}

proto_enum! {
    /// Kind of history sync.
    ///
    /// WAProto: `Message.HistorySyncType`.
    pub enum HistorySyncType {
        /// Number 0.
        InitialBootstrap = "INITIAL_BOOTSTRAP" = 0,
        /// Number 1.
        InitialStatusV3 = "INITIAL_STATUS_V3" = 1,
        /// Number 2.
        Full = "FULL" = 2,
        /// Number 3.
        Recent = "RECENT" = 3,
        /// Number 4.
        PushName = "PUSH_NAME" = 4,
        /// Number 5.
        NonBlockingData = "NON_BLOCKING_DATA" = 5,
        /// Number 6.
        OnDemand = "ON_DEMAND" = 6,
        /// Number 7.
        NoHistory = "NO_HISTORY" = 7,
        /// Number 8.
        MessageAccessStatus = "MESSAGE_ACCESS_STATUS" = 8,
    }
}

proto_enum! {
    /// Keep a disappearing message, or undo it.
    ///
    /// WAProto: `KeepType`.
    pub enum KeepType {
        /// Number 0.
        Unknown = "UNKNOWN" = 0,
        /// Keeps for everyone (1).
        KeepForAll = "KEEP_FOR_ALL" = 1,
        /// Undoes the keep (2).
        UndoKeepForAll = "UNDO_KEEP_FOR_ALL" = 2,
    }
}

proto_enum! {
    /// Pin or unpin.
    ///
    /// WAProto: `Message.PinInChatMessage.Type`.
    pub enum PinInChatType {
        /// Number 0.
        UnknownType = "UNKNOWN_TYPE" = 0,
        /// Pins for everyone (1).
        PinForAll = "PIN_FOR_ALL" = 1,
        /// Unpins for everyone (2).
        UnpinForAll = "UNPIN_FOR_ALL" = 2,
    }
}

proto_enum! {
    /// Kind of placeholder.
    ///
    /// WAProto: `Message.PlaceholderMessage.PlaceholderType`.
    pub enum PlaceholderType {
        /// Number 0.
        MaskLinkedDevices = "MASK_LINKED_DEVICES" = 0,
    }
}

proto_enum! {
    /// Kind of group invited to.
    ///
    /// WAProto: `Message.GroupInviteMessage.GroupType`.
    pub enum GroupInviteType {
        /// Number 0.
        Default = "DEFAULT" = 0,
        /// Number 1.
        Parent = "PARENT" = 1,
    }
}

proto_enum! {
    /// Whether the chat is empty.
    ///
    /// WAProto: `Message.RequestWelcomeMessageMetadata.LocalChatState`.
    pub enum LocalChatState {
        /// Number 0.
        Empty = "EMPTY" = 0,
        /// Number 1.
        NonEmpty = "NON_EMPTY" = 1,
    }
}

proto_enum! {
    /// Kind of button reply.
    ///
    /// WAProto: `Message.ButtonsResponseMessage.Type`.
    pub enum ButtonsResponseType {
        /// Number 0.
        Unknown = "UNKNOWN" = 0,
        /// Number 1.
        DisplayText = "DISPLAY_TEXT" = 1,
    }
}

proto_enum! {
    /// Kind of list.
    ///
    /// WAProto: `Message.ListResponseMessage.ListType`.
    pub enum ListType {
        /// Number 0.
        Unknown = "UNKNOWN" = 0,
        /// Number 1.
        SingleSelect = "SINGLE_SELECT" = 1,
    }
}

proto_enum! {
    /// Format of an interactive reply.
    ///
    /// WAProto: `Message.InteractiveResponseMessage.Body.Format`.
    pub enum InteractiveResponseFormat {
        /// Number 0.
        Default = "DEFAULT" = 0,
        /// Number 1.
        Extensions1 = "EXTENSIONS_1" = 1,
    }
}

proto_enum! {
    /// How a call ended.
    ///
    /// WAProto: `Message.CallLogMessage.CallOutcome`.
    pub enum CallOutcome {
        /// Number 0.
        Connected = "CONNECTED" = 0,
        /// Number 1.
        Missed = "MISSED" = 1,
        /// Number 2.
        Failed = "FAILED" = 2,
        /// Number 3.
        Rejected = "REJECTED" = 3,
        /// Number 4.
        AcceptedElsewhere = "ACCEPTED_ELSEWHERE" = 4,
        /// Number 5.
        Ongoing = "ONGOING" = 5,
        /// Number 6.
        SilencedByDnd = "SILENCED_BY_DND" = 6,
        /// Number 7.
        SilencedUnknownCaller = "SILENCED_UNKNOWN_CALLER" = 7,
    }
}

proto_enum! {
    /// Kind of call.
    ///
    /// WAProto: `Message.CallLogMessage.CallType`.
    pub enum CallLogType {
        /// Number 0.
        Regular = "REGULAR" = 0,
        /// Number 1.
        ScheduledCall = "SCHEDULED_CALL" = 1,
        /// Number 2.
        VoiceChat = "VOICE_CHAT" = 2,
    }
}

proto_enum! {
    /// Kind of scheduled call.
    ///
    /// WAProto: `Message.ScheduledCallCreationMessage.CallType`.
    pub enum ScheduledCallType {
        /// Number 0.
        Unknown = "UNKNOWN" = 0,
        /// Number 1.
        Voice = "VOICE" = 1,
        /// Number 2.
        Video = "VIDEO" = 2,
    }
}

proto_enum! {
    /// Change to a scheduled call.
    ///
    /// WAProto: `Message.ScheduledCallEditMessage.EditType`.
    pub enum ScheduledCallEditType {
        /// Number 0.
        Unknown = "UNKNOWN" = 0,
        /// Number 1.
        Cancel = "CANCEL" = 1,
    }
}

proto_enum! {
    /// Payment service.
    ///
    /// WAProto: `Message.PaymentInviteMessage.ServiceType`.
    pub enum PaymentServiceType {
        /// Number 0.
        Unknown = "UNKNOWN" = 0,
        /// Number 1.
        Fbpay = "FBPAY" = 1,
        /// Number 2.
        Novi = "NOVI" = 2,
        /// Number 3.
        Upi = "UPI" = 3,
    }
}

proto_enum! {
    /// Media of a broadcast call.
    ///
    /// WAProto: `Message.BCallMessage.MediaType`.
    pub enum BcallMediaType {
        /// Number 0.
        Unknown = "UNKNOWN" = 0,
        /// Number 1.
        Audio = "AUDIO" = 1,
        /// Number 2.
        Video = "VIDEO" = 2,
    }
}
