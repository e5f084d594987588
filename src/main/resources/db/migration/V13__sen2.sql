-- What the DfE's SEN2 return needs about a child and their plan that the statutory steps do not record
-- (special category data: kept here only, cleared by the anonymiser). Codes are the DfE's, checked against the
-- code lists of sen2/sen2-mapping.properties when written.
create table sen2_person (
  case_reference       varchar(40)  primary key,
  sex                  varchar(1),
  ethnicity            varchar(4),
  postcode             varchar(8),
  upn                  varchar(13),
  uln                  varchar(10),
  upn_unknown          varchar(4),
  request_source       varchar(40),
  youth_custody        boolean,
  need_primary         varchar(4),
  need_secondary       varchar(4),
  setting_type         varchar(8),
  sen_unit             boolean,
  resourced_provision  boolean,
  residential          boolean,
  work_based_learning  boolean,
  personal_budget      varchar(4),
  transferred_in_la    varchar(3),
  cease_reason         varchar(4),
  updated_on           date         not null,
  updated_by           varchar(100) not null
);
