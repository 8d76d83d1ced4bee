#!/usr/bin/env bash
# bench/explain-list.sh — the PostgreSQL plans of the work-order list query (GET /api/v1/work-orders) for the
# common filters, on the scale data set (bench/WorkOrders.Bench seed: 10,000 customers, 1,000,000 work orders).
#
#   bench/explain-list.sh [database]        (default workorders_scale; load it first: bench/scale.sh --seed-only)
#
# The SELECT is the one EF Core generates for the list (logged with
# Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command=Information); only the WHERE
# differs per filter. Prints EXPLAIN (ANALYZE, BUFFERS) per case and writes them to bench/results/list-plans.txt.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATABASE=${1:-workorders_scale}
eval "$("$ROOT/scripts/postgres.sh" env | tr ';' '\n' | sed -nE 's/^Host=(.*)/export PGHOST=\1/p; s/^Port=(.*)/export PGPORT=\1/p; s/^Username=(.*)/export PGUSER=\1/p; s/^Password=(.*)/export PGPASSWORD=\1/p')"
psql() { command psql -X -q -v ON_ERROR_STOP=1 -d "$DATABASE" "$@"; }

customer=$(psql -tAc 'SELECT "CustomerId" FROM "WorkOrders" ORDER BY "Number" LIMIT 1 OFFSET 5000')
provider=$(psql -tAc 'SELECT "Id" FROM "ServiceProviders" ORDER BY "Id" LIMIT 1')
deep=$(psql -tAc 'SELECT "Number" FROM "WorkOrders" WHERE NOT "IsDeleted" ORDER BY "Number" DESC LIMIT 1 OFFSET 500000')

select='SELECT w."Id", w."Number", w."Title", w."CustomerId",
  (SELECT c."Name" FROM "Customers" AS c WHERE c."Id" = w."CustomerId" LIMIT 1) AS "CustomerName", w."SiteId",
  (SELECT c0."Name" FROM "CustomerSites" AS c0 WHERE c0."Id" = w."SiteId" LIMIT 1) AS "SiteName",
  w."Status", w."Source", w."Category", w."Routing", w."ProviderId",
  (SELECT s."Name" FROM "ServiceProviders" AS s WHERE s."Id" = w."ProviderId" LIMIT 1) AS "ProviderName", w."TeamId",
  (SELECT s0."Name" FROM "ServiceProviderTeams" AS s0 WHERE s0."Id" = w."TeamId" LIMIT 1) AS "TeamName",
  w."InvoiceStatus", w."PaymentApprovedAt" IS NOT NULL AS "PaymentApproved", w."ScheduledStart", w."ScheduledEnd", w."CreatedAt", w."StatusChangedAt"
FROM "WorkOrders" AS w'

cases=(
  "first page, no filter|NOT (w.\"IsDeleted\") ORDER BY w.\"Number\" DESC LIMIT 51"
  "status in (Assigned, InProgress) + category|NOT (w.\"IsDeleted\") AND w.\"Status\" = ANY (ARRAY['Assigned','InProgress']) AND w.\"Category\" = 'Maintenance' ORDER BY w.\"Number\" DESC LIMIT 51"
  "customer + status (the customers grid's count links)|NOT (w.\"IsDeleted\") AND w.\"CustomerId\" = '$customer' AND w.\"Status\" = 'Completed' ORDER BY w.\"Number\" DESC LIMIT 51"
  "provider + status|NOT (w.\"IsDeleted\") AND w.\"ProviderId\" = '$provider' AND w.\"Status\" = 'Assigned' ORDER BY w.\"Number\" DESC LIMIT 51"
  "invoice status + status (billing)|NOT (w.\"IsDeleted\") AND w.\"InvoiceStatus\" = 'No' AND w.\"Status\" = 'Completed' ORDER BY w.\"Number\" DESC LIMIT 51"
  "scheduled window|NOT (w.\"IsDeleted\") AND w.\"ScheduledStart\" >= now() AND w.\"ScheduledStart\" < now() + interval '7 days' ORDER BY w.\"Number\" DESC LIMIT 51"
  "deep keyset page (cursor after 500,000 rows)|NOT (w.\"IsDeleted\") AND w.\"Number\" < $deep ORDER BY w.\"Number\" DESC LIMIT 51"
)

out=$ROOT/bench/results/list-plans.txt
mkdir -p "$(dirname "$out")"
{
  echo "# Work-order list plans on $DATABASE ($(psql -tAc 'SELECT count(*) FROM "WorkOrders"') work orders), $(date -u +%Y-%m-%dT%H:%MZ)"
  for case in "${cases[@]}"; do
    echo; echo "## ${case%%|*}"
    psql -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $select WHERE ${case#*|}"
  done
} | tee "$out"
