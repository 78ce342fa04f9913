#!/usr/bin/env bash
# Runs N hub nodes on PostgreSQL + RabbitMQ (start them with start-services.sh first), on ports 5101..510N.
# Each node serves the same API; they share the work (competing consumers) and the pollers (one node per
# installation at a time). Ctrl+C stops them all. Configuration comes from the environment (see start-services.sh);
# add API keys with Auth__ApiKeys__0__Key / Auth__ApiKeys__0__Scopes__0.
set -euo pipefail
N=${1:-2}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
: "${Storage__ConnectionString:?run infra/local/start-services.sh and export the settings it prints}"
export Storage__Provider=${Storage__Provider:-Postgres}
export Bus__Transport=${Bus__Transport:-RabbitMq}
export Bus__RabbitMqUri=${Bus__RabbitMqUri:-amqp://guest:guest@127.0.0.1:5672}
dotnet build -c Release "$ROOT/src/Hub" -v q -nologo
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' INT TERM EXIT
for i in $(seq 1 "$N"); do
  dotnet "$ROOT/src/Hub/bin/Release/net10.0/lsb-hub.dll" serve --urls "http://127.0.0.1:$((5100 + i))" &
  pids+=($!)
  echo "node $i: http://127.0.0.1:$((5100 + i)) (pid ${pids[-1]})"
done
wait
