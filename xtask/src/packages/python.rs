pub(super) fn generate(
    _: &[super::Provider],
    _: &mut std::collections::BTreeMap<std::path::PathBuf, String>,
) {
}
