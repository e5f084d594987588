-- A plan onboarded months before its review is prepared waits in the register, not as a running process: its review
-- cycle starts on this day (a few weeks before preparation begins), from the daily ehc-review-cycle-starts run.
-- Null once the cycle has started (or for a plan whose cycle started when it was entered).
alter table ehc_plan add column review_cycle_starts_on date;
create index ehc_plan_review_cycle_starts on ehc_plan (review_cycle_starts_on);
