# Start a throwaway PostgreSQL server for the integration tests and export BILA_TEST_POSTGRES.
# Sourced by .ci/run; usable by hand: `source .ci/postgres.sh && make test`.
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PG_DIR=$(mktemp -d /tmp/bila-pg.XXXXXX)
PG_PORT=${PG_PORT:-54329}
if [ "$(id -u)" = "0" ]; then
  chown postgres "$PG_DIR"
  RUN=(runuser -u postgres --)
else
  RUN=()
fi
"${RUN[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U bila --auth=trust >/dev/null
"${RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1" -l "$PG_DIR/log" -w start >/dev/null
export BILA_TEST_POSTGRES="postgres://bila@127.0.0.1:$PG_PORT/postgres"
echo "== PostgreSQL on port $PG_PORT ($PG_BIN)"
