#!/bin/sh
# The replica's start: on an empty volume, copy the primary with pg_basebackup (-R writes
# standby.signal and primary_conninfo), then run PostgreSQL as a hot standby. Later starts
# go straight to PostgreSQL, which resumes streaming where it stopped.
set -eu
export PGPASSWORD="$POSTGRES_PASSWORD"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    until pg_isready -h db -U "$POSTGRES_USER" -d "$POSTGRES_DB"; do sleep 1; done
    mkdir -p "$PGDATA"
    chown postgres:postgres "$PGDATA"
    chmod 700 "$PGDATA"
    gosu postgres pg_basebackup -h db -U "$POSTGRES_USER" -D "$PGDATA" -R -X stream -c fast
    echo "hot_standby = on" >> "$PGDATA/postgresql.auto.conf"
fi
exec gosu postgres postgres -D "$PGDATA"
