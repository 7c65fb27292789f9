-- Organisations asking to join the portal (issue #31). A request counts once the requester has
-- confirmed their email (state 'unconfirmed' until then; the hourly job discards those older than
-- 24 hours). The legally responsible person (LRP) commits the organisation; the administrator
-- they designate will receive the activation link, the LRP the secret code.
-- state: unconfirmed | submitted | information_requested | approved | agreement_pending | active | refused
-- kind: clinic | family_medicine_group | hospital | community | other
-- requester: lrp | delegate (then delegate_name/delegate_email are the requester's own)
-- services: the codes of the online services wanted, comma-separated (states::Service)
CREATE TABLE organisation_requests (
    id                 BIGSERIAL PRIMARY KEY,
    state              TEXT    NOT NULL,
    kind               TEXT    NOT NULL,
    legal_name         TEXT    NOT NULL,
    address            TEXT    NOT NULL,
    phone              TEXT    NOT NULL,
    requester          TEXT    NOT NULL,
    delegate_name      TEXT    NOT NULL DEFAULT '',
    delegate_email     TEXT    NOT NULL DEFAULT '',
    lrp_given_name     TEXT    NOT NULL,
    lrp_family_name    TEXT    NOT NULL,
    lrp_title          TEXT    NOT NULL,
    lrp_email          TEXT    NOT NULL,
    lrp_phone          TEXT    NOT NULL,
    admin_given_name   TEXT    NOT NULL,
    admin_family_name  TEXT    NOT NULL,
    admin_email        TEXT    NOT NULL,
    admin_phone        TEXT    NOT NULL,
    services           TEXT    NOT NULL,
    language           TEXT    NOT NULL,
    confirm_token_hash TEXT    UNIQUE,
    created_at         BIGINT  NOT NULL,
    confirmed_at       BIGINT,
    decided_at         BIGINT
);
-- The processing date (the oldest request still waiting) and the unconfirmed to discard.
CREATE INDEX organisation_requests_state ON organisation_requests(state, confirmed_at);
CREATE INDEX organisation_requests_unconfirmed ON organisation_requests(created_at) WHERE state = 'unconfirmed';
