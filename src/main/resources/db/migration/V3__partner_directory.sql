-- Partners are addressed by type (a team: health, social care, educational psychology) or, for schools and
-- settings, by their code (the DfE unique reference number): never "every school".
alter table partner add column code varchar(40);
alter table partner add column updated_at timestamp with time zone;
create unique index partner_type_code on partner (partner_type, code);

-- The child's current school or setting, by its code in the partner directory.
alter table ehc_case add column current_setting_code varchar(40);
