-- The same work as the API scenario of the same name, in the SQL EF Core generates for it (bench/scale.sh runs it with
-- pgbench -M extended: parameters bound as Npgsql binds them). Variables come from pgbench -D.
SELECT w."Id", w."Number", w."Title", w."CustomerId", (
    SELECT c."Name" FROM "Customers" AS c WHERE c."Id" = w."CustomerId" LIMIT 1) AS "CustomerName", w."SiteId", (
    SELECT c0."Name" FROM "CustomerSites" AS c0 WHERE c0."Id" = w."SiteId" LIMIT 1) AS "SiteName", w."Status", w."Source", w."Category", w."Routing", w."ProviderId", (
    SELECT s."Name" FROM "ServiceProviders" AS s WHERE s."Id" = w."ProviderId" LIMIT 1) AS "ProviderName", w."TeamId", (
    SELECT s0."Name" FROM "ServiceProviderTeams" AS s0 WHERE s0."Id" = w."TeamId" LIMIT 1) AS "TeamName", w."InvoiceStatus", w."PaymentApprovedAt" IS NOT NULL AS "PaymentApproved", w."ScheduledStart", w."ScheduledEnd", w."CreatedAt", w."StatusChangedAt"
FROM "WorkOrders" AS w
WHERE NOT (w."IsDeleted") AND w."Status" = :status AND w."InvoiceStatus" = :invoice AND w."Category" = :category
ORDER BY w."Number" DESC
LIMIT 51;
