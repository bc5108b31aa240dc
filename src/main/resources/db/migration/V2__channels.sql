-- Channels (issue 5): who polls what, and where each poll left off.

-- A lease per poller (e.g. "telegram:ats-milano"): one instance polls a bot or a page at a time; another
-- takes over when the holder stops renewing (it died). Plain rows, so H2 and PostgreSQL behave alike.
create table channel_lease (
    name            varchar(200)   primary key,
    holder          varchar(200)   not null,
    expires_at      timestamp with time zone not null
);

-- Where a poller left off (Telegram's next update id, Facebook's last comment time per page), so that a
-- restart or a take-over neither misses nor repeats.
create table channel_cursor (
    name            varchar(200)   primary key,
    cursor_value    varchar(1000000) not null,
    updated_at      timestamp with time zone not null
);

-- Drainers claim per tenant and channel.
create index outbox_claim on outbox (tenant, channel, status, next_attempt_at);

-- A platform call under way, its outcome not yet recorded. An attempt that finds one still open (the
-- sender died between the platform's call and recording its outcome) cannot know whether the platform
-- acted: the item is sent again and marked in doubt, so that a possible double is counted and visible.
alter table outbox add column attempt_open boolean not null default false;
alter table outbox add column in_doubt boolean not null default false;
