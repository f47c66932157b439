-- The instances that route commands among themselves: JGroups' JDBC_PING discovery, in its own default SQL (an
-- unquoted name, so jgroupsping), a row per member and cluster with its address for the others to connect to.
create table jgroupsping (
    own_addr     varchar(200) not null,
    cluster_name varchar(200) not null,
    ping_data    bytea,
    primary key (own_addr, cluster_name)
);
