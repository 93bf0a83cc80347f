-- The day from which a task's executor is to be reminded of its deadline (YYYY-MM-DD, Almaty): set for the open tasks
-- of a resolution (a document on control) not yet reminded of their deadline, NULL otherwise. The reminder job asks for
-- the rows whose day has come; partial, since almost no task waits for a reminder at any time.
ALTER TABLE tasks ADD COLUMN remind_on text;
CREATE INDEX tasks_reminders ON tasks (remind_on) WHERE remind_on IS NOT NULL;
