-- Where an authority has several teams of one partner type (two health trusts, say), the team that serves each
-- case: its advice task goes to that team's own group and its notices to that team's address alone.
create table case_partner_team (
  case_reference varchar(40)  not null,
  partner_type   varchar(30)  not null,
  code           varchar(40)  not null,
  assigned_by    varchar(100),
  assigned_at    timestamp with time zone not null,
  primary key (case_reference, partner_type)
);

-- A school's review tray may be opened through a link sent to the school's address: that link is bound to the
-- setting (its scope), not to one process instance.
alter table response_link alter column process_instance_id drop not null;
