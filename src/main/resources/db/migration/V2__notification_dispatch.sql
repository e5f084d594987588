-- Dispatch state of each notice: PENDING -> SENDING -> SENT, with retries (PENDING again, next_attempt_at later),
-- FAILED after the retry budget or on a permanent error, UNCONFIRMED when the application stopped while sending
-- by a channel that cannot say whether it delivered (SMTP): never re-sent by itself, shown to managers.
alter table notification_outbox add column next_attempt_at timestamp with time zone;
alter table notification_outbox add column claimed_at timestamp with time zone;
alter table notification_outbox add column provider_reference varchar(200);
create index notification_outbox_due on notification_outbox (status, next_attempt_at);
