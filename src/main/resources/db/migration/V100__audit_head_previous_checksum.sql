-- A one-event append moves the head and inserts the event in one statement (the head's upsert,
-- hashing in SQL, feeds the event's insert): the head remembers the checksum it moved from, so
-- the statement can return and store the event's link. Written by that statement only; other
-- writers of the head leave it as it was, and nothing reads it otherwise.
alter table audit_head add column previous_checksum text;
