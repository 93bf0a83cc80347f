-- A supervisor's inbox (ListTasks, scope MINE) also lists the overdue tasks escalated to them, read like their own
-- tasks: by status and earliest due first. Partial, since few tasks are ever escalated; a query naming escalated_to
-- with = or IN implies the predicate on both providers, so they use it.
CREATE INDEX tasks_escalated_inbox ON tasks (escalated_to, status, due_date, id) WHERE escalated_to IS NOT NULL;
