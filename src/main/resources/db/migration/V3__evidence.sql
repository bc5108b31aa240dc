-- What made each decision (rules, model scores, retrieval evidence), for the console's item page.
-- Never personal data: lexicon entries are named by file and line, scores are numbers.
alter table message add column evidence varchar(4000);
