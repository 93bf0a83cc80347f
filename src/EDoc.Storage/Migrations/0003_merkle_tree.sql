-- The event log as an RFC 9162 Merkle tree: every perfect subtree above the leaves (the leaves are
-- events.leaf_hash), so any inclusion or consistency proof reads O(log n) rows, and signed tree heads.
CREATE TABLE merkle_nodes (
    level integer NOT NULL,
    idx bigint NOT NULL,
    hash {{BYTES}} NOT NULL,
    PRIMARY KEY (level, idx)
);

CREATE TABLE checkpoints (
    tree_size bigint PRIMARY KEY,
    root_hash {{BYTES}} NOT NULL,
    signed_at bigint NOT NULL,
    note text NOT NULL
);
