# A minimal Action Cable server that behaves like Chatwoot's RoomChannel, for the OneChat
# client tests. Run by the tests as:
#   puma -b tcp://127.0.0.1:<port> tests/actioncable/config.ru
#
# Tokens are configured through the environment:
#   ONECHAT_TEST_USERS    "token:user_id:account_id[,account_id…];…"  (agents)
#   ONECHAT_TEST_CONTACTS "token:account_id;…"                         (contacts)
#
# HTTP endpoints next to /cable:
#   POST /broadcast?stream=<name>[&count=<n>]   broadcasts the JSON body to that stream
#                                              (n times, for the benchmarks)
#   GET  /presence?token=<token>    how many update_presence calls that token made
#
# The server stops by itself when its parent (the test) goes away, and after 10 minutes.
require "json"
require "logger"
require "action_cable"

STARTED = Time.now
Thread.new do
  loop do
    sleep 1
    exit!(0) if Process.ppid == 1 || Time.now - STARTED > 600
  end
end

USERS = ENV.fetch("ONECHAT_TEST_USERS", "").split(";").to_h do |entry|
  token, user_id, accounts = entry.split(":")
  [token, { user_id: user_id.to_i, accounts: accounts.split(",").map(&:to_i) }]
end
CONTACTS = ENV.fetch("ONECHAT_TEST_CONTACTS", "").split(";").to_h do |entry|
  token, account = entry.split(":")
  [token, { account: account.to_i }]
end
PRESENCE = Hash.new(0)
PRESENCE_LOCK = Mutex.new

module ApplicationCable
  class Connection < ActionCable::Connection::Base
  end

  class Channel < ActionCable::Channel::Base
  end
end

# Like Chatwoot's RoomChannel: finds the subscriber by token (raising, so that no
# confirmation is sent, when the token is unknown), streams from the token and, for users,
# from "account_<id>", and answers update_presence with presence.update on the token stream.
class RoomChannel < ApplicationCable::Channel
  def subscribed
    current = subscriber
    stream_from params[:pubsub_token]
    stream_from "account_#{current_account_id}" if user?
    broadcast_presence
  end

  def update_presence
    PRESENCE_LOCK.synchronize { PRESENCE[params[:pubsub_token]] += 1 }
    broadcast_presence
  end

  private

  def user?
    params[:user_id].present?
  end

  def subscriber
    if user?
      user = USERS.fetch(params[:pubsub_token]) # KeyError: no confirmation, as in Chatwoot
      raise KeyError, "wrong user" unless user[:user_id] == params[:user_id].to_i
      raise KeyError, "not a member" unless user[:accounts].include?(params[:account_id].to_i)
      user
    else
      CONTACTS.fetch(params[:pubsub_token])
    end
  end

  def current_account_id
    user? ? params[:account_id].to_i : CONTACTS.fetch(params[:pubsub_token])[:account]
  end

  def broadcast_presence
    data = { account_id: current_account_id, users: { "7" => "online" } }
    data[:contacts] = { "402" => "online" } if user?
    ActionCable.server.broadcast(params[:pubsub_token], { event: "presence.update", data: data })
  end
end

ActionCable.server.config.cable = { "adapter" => "async" }
ActionCable.server.config.connection_class = -> { ApplicationCable::Connection }
ActionCable.server.config.disable_request_forgery_protection = true
ActionCable.server.config.logger = Logger.new($stderr, level: Logger::WARN)
ActionCable.server.config.worker_pool_size = 4

broadcast = lambda do |env|
  request = Rack::Request.new(env)
  stream = request.params.fetch("stream")
  message = JSON.parse(request.body.read)
  request.params.fetch("count", "1").to_i.times { ActionCable.server.broadcast(stream, message) }
  [200, { "content-type" => "application/json" }, ['{"broadcast":true}']]
end

presence = lambda do |env|
  token = Rack::Request.new(env).params.fetch("token")
  count = PRESENCE_LOCK.synchronize { PRESENCE[token] }
  [200, { "content-type" => "application/json" }, [JSON.generate(count: count)]]
end

run Rack::URLMap.new(
  "/cable" => ActionCable.server,
  "/broadcast" => broadcast,
  "/presence" => presence,
)
