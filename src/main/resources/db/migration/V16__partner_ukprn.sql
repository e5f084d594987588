-- A setting's UK Provider Reference Number (8 digits), which SEN2 asks for beside or instead of its URN: colleges
-- and other post-16 providers are known to the DfE by it. Optional; only schools and settings have one.
alter table partner add column ukprn varchar(8);
