-- The same work as GET /api/v1/work-orders/{id}, in the SQL EF Core generates for it (split query: the work order,
-- then its line items, comments, history and tasks, then the names of its customer, site, provider and team).
-- bench/scale.sh runs it with pgbench -M extended; :ids = the number of rows of bench_ids (random work orders).
\set k random(1, :ids)
SELECT id AS wo FROM bench_ids WHERE n = :k \gset
SELECT w.*, w."CustomerId" AS cid, w."SiteId" AS sid, coalesce(w."ProviderId", '00000000-0000-0000-0000-000000000000') AS pid
FROM "WorkOrders" AS w WHERE NOT (w."IsDeleted") AND w."Id" = :wo ORDER BY w."Id" LIMIT 2 \gset
SELECT l."Id", l."ApprovalNote", l."ApprovalStatus", l."CreatedAt", l."DecidedAt", l."Description", l."EstimatedLabourHours", l."HourlyRate", l."PartsCost", l."Revision", l."WorkOrderId", w1."Id"
FROM (SELECT w."Id" FROM "WorkOrders" AS w WHERE NOT (w."IsDeleted") AND w."Id" = :wo ORDER BY w."Id" LIMIT 1) AS w1
INNER JOIN "LineItems" AS l ON w1."Id" = l."WorkOrderId" ORDER BY w1."Id";
SELECT c."Id", c."AuthorId", c."AuthorName", c."ByCustomer", c."CreatedAt", c."DeletedAt", c."DeletedBy", c."Text", c."WorkOrderId", w2."Id"
FROM (SELECT w."Id" FROM "WorkOrders" AS w WHERE NOT (w."IsDeleted") AND w."Id" = :wo ORDER BY w."Id" LIMIT 1) AS w2
INNER JOIN "Comments" AS c ON w2."Id" = c."WorkOrderId" ORDER BY w2."Id";
SELECT s."Id", s."Action", s."ChangedAt", s."ChangedBy", s."ChangedByName", s."From", s."Reason", s."To", s."WorkOrderId", w3."Id"
FROM (SELECT w."Id" FROM "WorkOrders" AS w WHERE NOT (w."IsDeleted") AND w."Id" = :wo ORDER BY w."Id" LIMIT 1) AS w3
INNER JOIN "StatusHistory" AS s ON w3."Id" = s."WorkOrderId" ORDER BY w3."Id";
SELECT w0."Id", w0."Status", w0."Title", w0."WorkOrderId", w4."Id"
FROM (SELECT w."Id" FROM "WorkOrders" AS w WHERE NOT (w."IsDeleted") AND w."Id" = :wo ORDER BY w."Id" LIMIT 1) AS w4
INNER JOIN "WorkOrderTasks" AS w0 ON w4."Id" = w0."WorkOrderId" ORDER BY w4."Id";
SELECT c."Name" AS "Customer",
  (SELECT c0."Name" FROM "CustomerSites" AS c0 WHERE c0."Id" = :sid LIMIT 1) AS "Site",
  (SELECT s."Name" FROM "ServiceProviders" AS s WHERE s."Id" = :pid LIMIT 1) AS "Provider",
  (SELECT s0."Name" FROM "ServiceProviderTeams" AS s0 WHERE FALSE LIMIT 1) AS "Team"
FROM "Customers" AS c WHERE c."Id" = :cid LIMIT 2;
