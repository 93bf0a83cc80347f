-- Every task write inserts into each index of tasks (status and changed_seq change with every event, so an update is
-- never HOT), and escalated_to is NULL on almost every task: indexing only the escalated ones spares each decision one
-- index insertion. WatchTasks names escalated_to with IN, which implies the predicate on both providers.
DROP INDEX tasks_escalations;
CREATE INDEX tasks_escalations ON tasks (escalated_to, changed_seq) WHERE escalated_to IS NOT NULL;
