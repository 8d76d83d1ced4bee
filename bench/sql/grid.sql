-- The same work as the API scenario of the same name, in the SQL EF Core generates for it (bench/scale.sh runs it with
-- pgbench -M extended: parameters bound as Npgsql binds them). Variables come from pgbench -D.
SELECT c."Id", c."CreatedAt", c."CreatedBy", c."DeactivatedAt", c."DeactivationReason", c."Description", c."Name", c."NormalizedName", c."Status", c."UpdatedAt", c."UpdatedBy", c."Version", c."BillingCity", c."BillingCountry", c."BillingPostalCode", c."BillingRegion", c."BillingStreet", c."ContactEmail", c."ContactName", c."ContactPhone",
  (SELECT count(*)::int FROM "WorkOrders" AS w WHERE NOT (w."IsDeleted") AND w."CustomerId" = c."Id" AND w."Status" = 'Draft'),
  (SELECT count(*)::int FROM "WorkOrders" AS w0 WHERE NOT (w0."IsDeleted") AND w0."CustomerId" = c."Id" AND w0."Status" = 'Published'),
  (SELECT count(*)::int FROM "WorkOrders" AS w1 WHERE NOT (w1."IsDeleted") AND w1."CustomerId" = c."Id" AND w1."Status" = 'Assigned'),
  (SELECT count(*)::int FROM "WorkOrders" AS w2 WHERE NOT (w2."IsDeleted") AND w2."CustomerId" = c."Id" AND w2."Status" = ANY (ARRAY['InProgress','WaitingParts','WaitingOnVendor','WaitingOnCustomer'])),
  (SELECT count(*)::int FROM "WorkOrders" AS w3 WHERE NOT (w3."IsDeleted") AND w3."CustomerId" = c."Id" AND w3."Status" = 'Completed')
FROM "Customers" AS c
WHERE c."NormalizedName" LIKE :term
ORDER BY c."NormalizedName", c."Id"
LIMIT 51;
