#!/usr/bin/env bash
# Starts PostgreSQL and RabbitMQ from Debian packages on loopback, for running several hub nodes on one machine.
# Needs root (apt, pg_ctlcluster). Prints the settings the nodes need.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || apt-get install -y -qq postgresql
command -v rabbitmq-server >/dev/null || apt-get install -y -qq rabbitmq-server
PG_VERSION=$(ls /usr/lib/postgresql | sort -V | tail -1)
pg_lsclusters | grep -q "^$PG_VERSION *main" || pg_createcluster "$PG_VERSION" main
pg_isready -h 127.0.0.1 -q || pg_ctlcluster "$PG_VERSION" main start
pg_isready -h 127.0.0.1 -t 60
PASSWORD=${LSB_PG_PASSWORD:-lsb-local}
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='lsb'\"" | grep -q 1 || su postgres -c "psql -qc 'CREATE ROLE lsb LOGIN'"
su postgres -c "psql -qc \"ALTER ROLE lsb PASSWORD '$PASSWORD'\""
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='lsb'\"" | grep -q 1 || su postgres -c "psql -qc 'CREATE DATABASE lsb OWNER lsb'"
if ! rabbitmqctl status >/dev/null 2>&1; then
  RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 ERL_EPMD_ADDRESS=127.0.0.1 rabbitmq-server -detached
fi
rabbitmqctl await_startup --timeout 120 >/dev/null
cat <<OUT
PostgreSQL and RabbitMQ are up on 127.0.0.1. Settings for the hub nodes:
  export Storage__Provider=Postgres
  export Storage__ConnectionString='Host=127.0.0.1;Username=lsb;Password=$PASSWORD;Database=lsb'
  export Bus__Transport=RabbitMq
  export Bus__RabbitMqUri='amqp://guest:guest@127.0.0.1:5672'
Then: infra/local/run-nodes.sh 3
OUT
