-- A restore sets each sequence its table owns past the largest value restored: owned by the revision column, the
-- numbers of a restored database continue above the revisions it holds instead of starting again from one.
ALTER SEQUENCE "backlog_revision_seq" OWNED BY "backlog_revisions"."revision";
