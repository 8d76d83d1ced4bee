using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Api.IntegrationTests.Security;
using WorkOrders.Api.IntegrationTests.WorkOrderTests;
using WorkOrders.Infrastructure.Jobs;

namespace WorkOrders.Api.IntegrationTests.Portal;

/// <summary>The customer portal end to end over HTTP: links (created by team managers, hashed, expiring, revocable),
/// the token as the only credential (one work order, one view, the same 404 for every bad token), versioned and
/// idempotent approvals, the signature and the PDFs, the access log and the token-expiry job.</summary>
public abstract class PortalTests(PortalApiFactory factory)
{
    [Fact]
    public async Task ATeamManager_CreatesALink_TheTokenIs256RandomBits_StoredOnlyAsItsHash_AndListedActive()
    {
        var (workOrder, _) = await PortalApi.WorkOrderAsync(factory);

        var created = await PortalApi.LinkAsync(factory, workOrder.Id, "Estimate");

        created.Token.Length.ShouldBe(43);
        System.Buffers.Text.Base64Url.DecodeFromChars(created.Token).Length.ShouldBe(32);
        created.Url.ShouldEndWith("/portal/" + created.Token);
        created.Link.State.ShouldBe("Active");
        created.Link.View.ShouldBe("Estimate");
        created.Link.ExpiresAt.ShouldBe(factory.Clock.UtcNow.AddHours(48));
        created.Link.CreatedBy.ShouldBe("teammanager@tests.local");
        var stored = await factory.WithDbAsync(db => db.PortalLinks.AsNoTracking().SingleAsync(l => l.Id == created.Link.Id));
        stored.TokenHash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(created.Token))));
        (await factory.WithDbAsync(db => db.PortalLinks.CountAsync(l => l.TokenHash == created.Token || l.TokenHash.Contains(created.Token.Substring(0, 20))))).ShouldBe(0);

        var custom = await PortalApi.LinkAsync(factory, workOrder.Id, "Invoice", new { view = "Invoice", expiresInHours = 2 });
        custom.Link.ExpiresAt.ShouldBe(factory.Clock.UtcNow.AddHours(2));
        var manager = await factory.SessionAsync("TeamManager");
        foreach (var hours in new[] { 0, 721 })
        {
            await (await manager.PostJsonAsync($"/api/v1/work-orders/{workOrder.Id}/portal-links", new { view = "Invoice", expiresInHours = hours }))
                .ShouldBeValidationProblemAsync("expiresInHours");
        }

        await (await manager.PostJsonAsync($"/api/v1/work-orders/{workOrder.Id}/portal-links", new { view = "Nope" })).ShouldBeValidationProblemAsync("view");
        await (await manager.PostJsonAsync($"/api/v1/work-orders/{Guid.NewGuid()}/portal-links", new { view = "Estimate" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var listed = await (await (await factory.SessionAsync("Dispatcher")).GetAsync($"/api/v1/work-orders/{workOrder.Id}/portal-links"))
            .ShouldBeAsync<List<PortalLinkRow>>(HttpStatusCode.OK);
        listed.Select(l => l.Id).ShouldBe([custom.Link.Id, created.Link.Id], ignoreOrder: true);
        listed.ShouldAllBe(l => l.State == "Active");
    }

    [Fact]
    public async Task EveryBadToken_AnswersTheSame404_AsANeverExistingOne()
    {
        var (workOrder, _) = await PortalApi.WorkOrderAsync(factory);
        var anonymous = factory.Anonymous();
        var never = PortalToken();
        var reference = await anonymous.GetAsync(PortalApi.Url(never, "/estimate"));
        await reference.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var expected = PortalApi.Comparable(await reference.Content.ReadAsStringAsync());

        var tampered = await PortalApi.LinkAsync(factory, workOrder.Id, "Estimate");
        var flipped = tampered.Token[..^1] + (tampered.Token[^1] == 'A' ? 'B' : 'A');
        var revoked = await PortalApi.LinkAsync(factory, workOrder.Id, "Estimate");
        (await (await factory.SessionAsync("TeamManager")).DeleteAsync($"/api/v1/work-orders/{workOrder.Id}/portal-links/{revoked.Link.Id}"))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var otherView = await PortalApi.LinkAsync(factory, workOrder.Id, "Invoice");
        var expired = await PortalApi.LinkAsync(factory, workOrder.Id, "Estimate", new { view = "Estimate", expiresInHours = 1 });
        factory.Clock.Advance(TimeSpan.FromHours(1));

        foreach (var (token, why) in new[]
                 {
                     (flipped, "tampered"), (revoked.Token, "revoked"), (otherView.Token, "another view"), (expired.Token, "expired"),
                     ("short", "malformed"), (new string('A', 43), "all-A"), (new string('x', 300), "too long"), (never.ToUpperInvariant(), "case-changed"),
                 })
        {
            var response = await anonymous.GetAsync(PortalApi.Url(token, "/estimate"));
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, why);
            PortalApi.Comparable(body).ShouldBe(expected, why);
        }

        // The untampered one still works (the clock moved only an hour).
        (await anonymous.GetAsync(PortalApi.Url(tampered.Token, "/estimate"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // And the staff list tells the states apart.
        var listed = await (await (await factory.SessionAsync("TeamManager")).GetAsync($"/api/v1/work-orders/{workOrder.Id}/portal-links"))
            .ShouldBeAsync<List<PortalLinkRow>>(HttpStatusCode.OK);
        listed.Single(l => l.Id == revoked.Link.Id).State.ShouldBe("Revoked");
        listed.Single(l => l.Id == expired.Link.Id).State.ShouldBe("Expired");
        listed.Single(l => l.Id == tampered.Link.Id).State.ShouldBe("Active");
    }

    [Fact]
    public async Task ALinkExpiresAfter48Hours_ByDefault()
    {
        var (workOrder, _) = await PortalApi.WorkOrderAsync(factory);
        var link = await PortalApi.LinkAsync(factory, workOrder.Id, "WorkAuthorization");
        var anonymous = factory.Anonymous();
        (await anonymous.GetAsync(PortalApi.Url(link.Token, "/work-authorization"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        factory.Clock.Advance(TimeSpan.FromHours(47.9));
        (await anonymous.GetAsync(PortalApi.Url(link.Token, "/work-authorization"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromHours(0.1));
        await (await anonymous.GetAsync(PortalApi.Url(link.Token, "/work-authorization"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ATokenForWorkOrderA_NeverRevealsOrChangesWorkOrderB_OnAnyPortalRoute()
    {
        var (a, itemsOfA) = await PortalApi.WorkOrderAsync(factory, "Alpha " + Unique.Suffix());
        var (b, itemsOfB) = await PortalApi.WorkOrderAsync(factory, "Bravo " + Unique.Suffix());
        var anonymous = factory.Anonymous();
        var before = await factory.WithDbAsync(db => db.WorkOrders.AsNoTracking().Where(w => w.Id == b.Id).Select(w => w.Version).SingleAsync());

        foreach (var view in PortalApi.Views)
        {
            var link = await PortalApi.LinkAsync(factory, a.Id, view);
            foreach (var operation in AccessMatrix.Operations.Where(o => o.IsTokenAuthenticated))
            {
                var url = operation.Path.Replace("{token}", link.Token, StringComparison.Ordinal).Replace("{lineItemId}", itemsOfB[0].ToString(), StringComparison.Ordinal);
                var response = await PortalApi.SendAsync(anonymous, new HttpMethod(operation.Method), url,
                    operation.Method == "GET" ? null : new { decision = "Approved", text = "hello", signerName = "Pat", signatureImage = PortalApi.SignatureDataUrl },
                    "\"1\"");
                // The request's own path (the problem's "instance") names B's line item: everything else must not.
                var text = Encoding.Latin1.GetString(await response.Content.ReadAsByteArrayAsync()).Replace(url, "(the request path)", StringComparison.Ordinal);
                text.ShouldNotContain(b.Id.ToString(), Case.Insensitive, $"{operation} via {view}");
                text.ShouldNotContain(b.DisplayNumber, Case.Sensitive, $"{operation} via {view}");
                text.ShouldNotContain(b.Title, Case.Sensitive, $"{operation} via {view}");
                text.ShouldNotContain(itemsOfB[0].ToString(), Case.Insensitive, $"{operation} via {view}");
            }

            // Deciding B's line item with A's token: the same answer as any unknown line item.
            var (_, etag) = view is "WorkAuthorization" or "Estimate"
                ? await PortalApi.GetAsync<PortalApprovalView>(anonymous, PortalApi.Url(link.Token, view == "Estimate" ? "/estimate" : "/work-authorization"))
                : (null!, "\"1\"");
            if (view is "WorkAuthorization" or "Estimate")
            {
                await (await PortalApi.DecideAsync(anonymous, link.Token, itemsOfB[0], "Approved", etag)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            }
        }

        (await factory.WithDbAsync(db => db.WorkOrders.AsNoTracking().Where(w => w.Id == b.Id).Select(w => w.Version).SingleAsync())).ShouldBe(before);
        (await factory.WithDbAsync(db => db.LineItemDecisions.CountAsync(d => d.WorkOrderId == b.Id))).ShouldBe(0);
        itemsOfA.Count.ShouldBe(2);
    }

    [Fact]
    public async Task ATokenForOneView_CannotUseAnotherViewsRoutes()
    {
        var (workOrder, items) = await PortalApi.WorkOrderAsync(factory);
        var anonymous = factory.Anonymous();
        var own = new Dictionary<string, string[]>
        {
            ["WorkAuthorization"] = ["GetPortalWorkAuthorization", "DecidePortalLineItem"],
            ["Estimate"] = ["GetPortalEstimate", "GetPortalEstimatePdf", "SignPortalEstimate", "DecidePortalLineItem"],
            ["ProgressReport"] = ["GetPortalProgressReport"],
            ["Invoice"] = ["GetPortalInvoice", "GetPortalInvoicePdf"],
        };
        string[] everyView = ["GetPortalSession", "AddPortalComment"];
        var notFound = PortalApi.Comparable(await (await anonymous.GetAsync(PortalApi.Url(PortalToken()))).Content.ReadAsStringAsync());

        foreach (var view in PortalApi.Views)
        {
            var link = await PortalApi.LinkAsync(factory, workOrder.Id, view);
            foreach (var operation in AccessMatrix.Operations.Where(o => o.IsTokenAuthenticated))
            {
                var url = operation.Path.Replace("{token}", link.Token, StringComparison.Ordinal).Replace("{lineItemId}", items[0].ToString(), StringComparison.Ordinal);
                // A stale version: an allowed write gets as far as the precondition (412), a refused one stops at the token (404).
                var response = await PortalApi.SendAsync(anonymous, new HttpMethod(operation.Method), url,
                    operation.Method == "GET" ? null : new { decision = "Approved", text = "hello", signerName = "Pat", signatureImage = PortalApi.SignatureDataUrl },
                    "\"999\"");
                var allowed = own[view].Contains(operation.OperationId) || everyView.Contains(operation.OperationId);
                if (allowed)
                {
                    response.StatusCode.ShouldBe(operation.Method == "GET" ? HttpStatusCode.OK : HttpStatusCode.PreconditionFailed, $"{operation} via {view}");
                }
                else
                {
                    response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{operation} via {view}");
                    PortalApi.Comparable(await response.Content.ReadAsStringAsync()).ShouldBe(notFound, $"{operation} via {view}");
                }
            }
        }
    }

    [Fact]
    public async Task TheViews_ShowWhatTheyShould_WorkAuthorizationWithoutPrices()
    {
        var (workOrder, items) = await PortalApi.WorkOrderAsync(factory);
        var anonymous = factory.Anonymous();

        var authorization = (await PortalApi.GetAsync<PortalApprovalView>(anonymous,
            PortalApi.Url((await PortalApi.LinkAsync(factory, workOrder.Id, "WorkAuthorization")).Token, "/work-authorization"))).Body;
        authorization.View.ShouldBe("WorkAuthorization");
        authorization.WorkOrder.Number.ShouldBe(workOrder.DisplayNumber);
        authorization.LineItems.Select(i => i.Id).ShouldBe(items);
        authorization.LineItems.ShouldAllBe(i => i.HourlyRate == null && i.PartsCost == null && i.Total == null && i.ApprovalStatus == "Pending");
        authorization.Total.ShouldBeNull();
        authorization.PendingCount.ShouldBe(2);

        var (estimate, etag) = await PortalApi.GetAsync<PortalApprovalView>(anonymous,
            PortalApi.Url((await PortalApi.LinkAsync(factory, workOrder.Id, "Estimate")).Token, "/estimate"));
        estimate.LineItems[0].Total.ShouldBe(2m * 80m + 40m);
        estimate.Total.ShouldBe(2m * 80m + 40m + 1.5m * 80m);
        estimate.EstimateVersion.ShouldBe(3);
        estimate.SignatureRequired.ShouldBeTrue();
        etag.ShouldBe($"\"{estimate.Version}\"");
    }

    [Fact]
    public async Task Decisions_NeedIfMatch_AreIdempotent_AndAStaleTabNeverOverwritesANewerDecision()
    {
        var (workOrder, items) = await PortalApi.WorkOrderAsync(factory);
        var link = await PortalApi.LinkAsync(factory, workOrder.Id, "Estimate");
        var anonymous = factory.Anonymous();
        var (view, etag) = await PortalApi.GetAsync<PortalApprovalView>(anonymous, PortalApi.Url(link.Token, "/estimate"));

        await (await PortalApi.DecideAsync(anonymous, link.Token, items[0], "Approved", null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await PortalApi.DecideAsync(anonymous, link.Token, items[0], "Bogus", etag)).ShouldBeValidationProblemAsync("decision");
        await (await PortalApi.DecideAsync(anonymous, link.Token, items[0], "Approved", etag, key: new string('k', 101))).ShouldBeValidationProblemAsync("idempotencyKey");

        // A double click: the same key twice → one decision, the same answer.
        var key = Guid.NewGuid().ToString();
        var first = await PortalApi.DecideAsync(anonymous, link.Token, items[0], "Approved", etag, key, "Go ahead");
        var second = await PortalApi.DecideAsync(anonymous, link.Token, items[0], "Approved", etag, key, "Go ahead");
        var one = await first.ShouldBeAsync<PortalApprovalView>(HttpStatusCode.OK);
        var two = await second.ShouldBeAsync<PortalApprovalView>(HttpStatusCode.OK);
        two.Version.ShouldBe(one.Version);
        first.Headers.ETag!.Tag.ShouldBe($"\"{one.Version}\"");
        one.LineItems[0].ApprovalStatus.ShouldBe("Approved");
        one.LineItems[0].ApprovalNote.ShouldBe("Go ahead");
        (await factory.WithDbAsync(db => db.LineItemDecisions.CountAsync(d => d.LineItemId == items[0]))).ShouldBe(1);

        // A stale tab (the version before the approval), without a key: 412, the approval stands.
        await (await PortalApi.DecideAsync(anonymous, link.Token, items[0], "Rejected", etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        // The same decision again on the fresh version changes nothing either.
        var again = await (await PortalApi.DecideAsync(anonymous, link.Token, items[0], "Approved", $"\"{one.Version}\"", note: "Go ahead"))
            .ShouldBeAsync<PortalApprovalView>(HttpStatusCode.OK);
        (await factory.WithDbAsync(db => db.LineItemDecisions.CountAsync(d => d.LineItemId == items[0]))).ShouldBe(1);

        // Reject the other and clear the first (back to Pending): each a decision of its own.
        var rejected = await (await PortalApi.DecideAsync(anonymous, link.Token, items[1], "Rejected", $"\"{again.Version}\"", note: "Not now"))
            .ShouldBeAsync<PortalApprovalView>(HttpStatusCode.OK);
        var cleared = await (await PortalApi.DecideAsync(anonymous, link.Token, items[0], "Pending", $"\"{rejected.Version}\""))
            .ShouldBeAsync<PortalApprovalView>(HttpStatusCode.OK);
        cleared.LineItems.Select(i => i.ApprovalStatus).ShouldBe(["Pending", "Rejected"]);
        (await factory.WithDbAsync(db => db.LineItemDecisions.CountAsync(d => d.WorkOrderId == workOrder.Id))).ShouldBe(3);
        view.Version.ShouldBeLessThan(cleared.Version);
    }

    [Fact]
    public async Task ASimultaneousDoubleClick_RecordsOneDecision()
    {
        var (workOrder, items) = await PortalApi.WorkOrderAsync(factory);
        var link = await PortalApi.LinkAsync(factory, workOrder.Id, "WorkAuthorization");
        var (_, etag) = await PortalApi.GetAsync<PortalApprovalView>(factory.Anonymous(), PortalApi.Url(link.Token, "/work-authorization"));
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            PortalApi.DecideAsync(factory.Anonymous(), link.Token, items[0], "Approved", etag, key)));

        answers.Select(a => a.StatusCode).ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.PreconditionFailed);
        answers.ShouldContain(a => a.StatusCode == HttpStatusCode.OK);
        (await factory.WithDbAsync(db => db.LineItemDecisions.CountAsync(d => d.LineItemId == items[0]))).ShouldBe(1);
    }

    [Fact]
    public async Task StaffCredentials_ChangeNothingOnThePortal_OnlyTheTokenCounts()
    {
        var (workOrder, items) = await PortalApi.WorkOrderAsync(factory);
        var link = await PortalApi.LinkAsync(factory, workOrder.Id, "Estimate");
        var admin = await factory.SessionAsync("Admin");
        var partner = (await factory.CreatePartnerKeyAsync(workOrder.CustomerId)).Client;

        foreach (var client in new[] { admin, partner })
        {
            await (await client.GetAsync(PortalApi.Url(PortalToken(), "/estimate"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await client.GetAsync(PortalApi.Url(link.Token, "/invoice"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            (await client.GetAsync(PortalApi.Url(link.Token, "/estimate"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // A session cookie that comes along does not make the portal's writes need the antiforgery header.
        var cookieOnly = factory.Anonymous();
        (await cookieOnly.PostJsonAsync("/api/v1/auth/login", new { email = ApiFactory.AdminEmail, password = ApiFactory.Password })).EnsureSuccessStatusCode();
        var (_, etag) = await PortalApi.GetAsync<PortalApprovalView>(cookieOnly, PortalApi.Url(link.Token, "/estimate"));
        (await PortalApi.DecideAsync(cookieOnly, link.Token, items[0], "Approved", etag)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ADecision_RecordsTheEstimateVersion_AndTheSha256OfTheEstimatePdfTheCustomerSaw()
    {
        var (workOrder, items) = await PortalApi.WorkOrderAsync(factory);
        var link = await PortalApi.LinkAsync(factory, workOrder.Id, "Estimate");
        var anonymous = factory.Anonymous();
        var (view, etag) = await PortalApi.GetAsync<PortalApprovalView>(anonymous, PortalApi.Url(link.Token, "/estimate"));
        var pdf = await (await anonymous.GetAsync(PortalApi.Url(link.Token, "/estimate/pdf"))).Content.ReadAsByteArrayAsync();
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));

        await (await PortalApi.DecideAsync(anonymous, link.Token, items[0], "Approved", etag)).ShouldBeAsync<PortalApprovalView>(HttpStatusCode.OK);

        var decision = await factory.WithDbAsync(db => db.LineItemDecisions.AsNoTracking().SingleAsync(d => d.LineItemId == items[0]));
        decision.EstimateVersion.ShouldBe(view.EstimateVersion);
        decision.EstimatePdfSha256.ShouldBe(sha);
        decision.PortalLinkId.ShouldBe(link.Link.Id);
        var staff = await (await (await factory.SessionAsync("Dispatcher")).GetAsync($"/api/v1/work-orders/{workOrder.Id}")).ShouldBeAsync<StaffWorkOrder>(HttpStatusCode.OK);
        var item = staff.LineItems.Single(i => i.Id == items[0]);
        item.DecidedEstimateVersion.ShouldBe(view.EstimateVersion);
        item.DecidedPdfSha256.ShouldBe(sha);
    }

    [Fact]
    public async Task AStaffEditAfterApproval_MakesTheApprovalStale_OnTheStaffDtoAndInThePortal_WithTheOldDecisionKept()
    {
        var (workOrder, items) = await PortalApi.WorkOrderAsync(factory);
        var link = await PortalApi.LinkAsync(factory, workOrder.Id, "WorkAuthorization");
        var anonymous = factory.Anonymous();
        var (_, etag) = await PortalApi.GetAsync<PortalApprovalView>(anonymous, PortalApi.Url(link.Token, "/work-authorization"));
        await (await PortalApi.DecideAsync(anonymous, link.Token, items[0], "Approved", etag, note: "ok")).ShouldBeAsync<PortalApprovalView>(HttpStatusCode.OK);

        var dispatcher = await factory.SessionAsync("Dispatcher");
        await (await dispatcher.PutJsonAsync($"/api/v1/work-orders/{workOrder.Id}/line-items/{items[0]}",
            new { description = "Replace valve seal and gasket", estimatedLabourHours = 3m, partsCost = 55m, hourlyRate = 80m }, null)).ShouldBeAsync<WoLineItem>(HttpStatusCode.OK);

        var staff = await (await dispatcher.GetAsync($"/api/v1/work-orders/{workOrder.Id}")).ShouldBeAsync<StaffWorkOrder>(HttpStatusCode.OK);
        var item = staff.LineItems.Single(i => i.Id == items[0]);
        item.ApprovalStatus.ShouldBe("Pending");
        item.ApprovalStale.ShouldBeTrue();
        item.PreviousApprovalStatus.ShouldBe("Approved");
        item.PreviousApprovalNote.ShouldBe("ok");
        staff.EstimateVersion.ShouldBe(4);

        // The portal's old ETag is stale now; the fresh view asks again.
        await (await PortalApi.DecideAsync(anonymous, link.Token, items[0], "Approved", etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var (fresh, freshTag) = await PortalApi.GetAsync<PortalApprovalView>(anonymous, PortalApi.Url(link.Token, "/work-authorization"));
        fresh.LineItems[0].ApprovalStale.ShouldBeTrue();
        fresh.LineItems[0].PreviousApprovalStatus.ShouldBe("Approved");
        var approved = await (await PortalApi.DecideAsync(anonymous, link.Token, items[0], "Approved", freshTag, note: "ok"))
            .ShouldBeAsync<PortalApprovalView>(HttpStatusCode.OK);
        approved.LineItems[0].ApprovalStale.ShouldBeFalse();
        var history = await factory.WithDbAsync(db => db.LineItemDecisions.AsNoTracking().Where(d => d.LineItemId == items[0]).OrderBy(d => d.DecidedAt).ToListAsync());
        history.Select(d => (d.LineItemRevision, d.EstimateVersion)).ShouldBe([(1, 3), (2, 4)]);
    }

    [Fact]
    public async Task TheEstimatePdf_CarriesASignatureBlockWhilePending_AndTheSignatureOnceGiven()
    {
        var (workOrder, items) = await PortalApi.WorkOrderAsync(factory);
        var link = await PortalApi.LinkAsync(factory, workOrder.Id, "Estimate");
        var anonymous = factory.Anonymous();

        var unsigned = await anonymous.GetAsync(PortalApi.Url(link.Token, "/estimate/pdf"));
        unsigned.StatusCode.ShouldBe(HttpStatusCode.OK);
        PortalApi.ContentType(unsigned)!.MediaType.ShouldBe("application/pdf");
        var text = await PortalApi.PdfTextAsync(await unsigned.Content.ReadAsByteArrayAsync());
        text.ShouldContain(workOrder.DisplayNumber);
        text.ShouldContain("2 item(s) pending approval");
        text.ShouldContain("I authorize the work described in this estimate");
        text.ShouldContain("Signature");
        text.ShouldNotContain("Signed by");

        // The same estimate renders to the same bytes (the recorded SHA-256 can be checked by rendering again).
        var again = await (await anonymous.GetAsync(PortalApi.Url(link.Token, "/estimate/pdf"))).Content.ReadAsByteArrayAsync();
        again.ShouldBe(await unsigned.Content.ReadAsByteArrayAsync());

        var (_, etag) = await PortalApi.GetAsync<PortalApprovalView>(anonymous, PortalApi.Url(link.Token, "/estimate"));
        var signatureUrl = PortalApi.Url(link.Token, "/estimate/signature");
        await (await PortalApi.SendAsync(anonymous, HttpMethod.Post, signatureUrl, new { signerName = "", signatureImage = "data:image/gif;base64,R0lGOD" }, etag))
            .ShouldBeValidationProblemAsync("signerName", "signatureImage");
        await (await PortalApi.SendAsync(anonymous, HttpMethod.Post, signatureUrl,
                new { signerName = "Pat", signatureImage = "data:image/png;base64," + Convert.ToBase64String(new byte[300 * 1024]) }, etag))
            .ShouldBeValidationProblemAsync("signatureImage");
        await (await PortalApi.SendAsync(anonymous, HttpMethod.Post, signatureUrl, new { signerName = "Pat", signatureImage = PortalApi.SignatureDataUrl }, null))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);

        var key = Guid.NewGuid().ToString();
        var signed = await (await PortalApi.SendAsync(anonymous, HttpMethod.Post, signatureUrl, new { signerName = "Pat Primary", signatureImage = PortalApi.SignatureDataUrl }, etag, key))
            .ShouldBeAsync<PortalApprovalView>(HttpStatusCode.OK);
        signed.Signature.ShouldNotBeNull().SignerName.ShouldBe("Pat Primary");
        signed.SignatureRequired.ShouldBeFalse();
        signed.Signature.EstimatePdfSha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(again)));
        // A double click replays; signing the same version again is a conflict.
        (await PortalApi.SendAsync(anonymous, HttpMethod.Post, signatureUrl, new { signerName = "Pat Primary", signatureImage = PortalApi.SignatureDataUrl }, etag, key))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await PortalApi.SendAsync(anonymous, HttpMethod.Post, signatureUrl, new { signerName = "Pat Primary", signatureImage = PortalApi.SignatureDataUrl }, $"\"{signed.Version}\""))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await factory.WithDbAsync(db => db.EstimateSignatures.CountAsync(s => s.WorkOrderId == workOrder.Id))).ShouldBe(1);

        var signedText = await PortalApi.PdfTextAsync(await (await anonymous.GetAsync(PortalApi.Url(link.Token, "/estimate/pdf"))).Content.ReadAsByteArrayAsync());
        signedText.ShouldContain("Signed by");
        signedText.ShouldContain("Pat Primary");
        signedText.ShouldContain(signed.Signature.SignedAt.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        signedText.ShouldNotContain("I authorize the work described in this estimate");
        items.Count.ShouldBe(2);
    }

    [Fact]
    public async Task TheInvoicePdfAndView_ShowTheBilledHoursWithTheMinimum_AndTheApprovedParts()
    {
        var (workOrder, items) = await PortalApi.WorkOrderAsync(factory);
        var anonymous = factory.Anonymous();
        var authorization = await PortalApi.LinkAsync(factory, workOrder.Id, "WorkAuthorization");
        var (_, etag) = await PortalApi.GetAsync<PortalApprovalView>(anonymous, PortalApi.Url(authorization.Token, "/work-authorization"));
        await (await PortalApi.DecideAsync(anonymous, authorization.Token, items[0], "Approved", etag)).ShouldBeAsync<PortalApprovalView>(HttpStatusCode.OK);
        var dispatcher = await factory.SessionAsync("Dispatcher");
        await (await dispatcher.PostJsonAsync($"/api/v1/work-orders/{workOrder.Id}/transitions", new { action = "Start" })).ShouldBeAsync<WoDetail>(HttpStatusCode.OK);
        await (await dispatcher.PostJsonAsync($"/api/v1/work-orders/{workOrder.Id}/transitions", new { action = "Complete", reason = "Done" })).ShouldBeAsync<WoDetail>(HttpStatusCode.OK);
        (await dispatcher.PutJsonAsync($"/api/v1/work-orders/{workOrder.Id}/billed-hours", new { hours = 0.5m }, null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var invoice = await PortalApi.LinkAsync(factory, workOrder.Id, "Invoice");
        var view = await (await anonymous.GetAsync(PortalApi.Url(invoice.Token, "/invoice"))).ShouldBeAsync<InvoiceView>(HttpStatusCode.OK);
        view.BilledHours.ShouldBe(1m);
        view.BilledMinimumApplied.ShouldBeTrue();
        view.MinimumBilledHours.ShouldBe(1m);
        view.PartsTotal.ShouldBe(40m);
        var text = await PortalApi.PdfTextAsync(await (await anonymous.GetAsync(PortalApi.Url(invoice.Token, "/invoice/pdf"))).Content.ReadAsByteArrayAsync());
        text.ShouldContain("Invoice");
        text.ShouldContain("1-hour minimum was applied");
        text.ShouldContain("40.00");

        var progress = await PortalApi.LinkAsync(factory, workOrder.Id, "ProgressReport");
        var report = await (await anonymous.GetAsync(PortalApi.Url(progress.Token, "/progress-report"))).ShouldBeAsync<ProgressView>(HttpStatusCode.OK);
        report.EstimatedLabourHours.ShouldBe(2m);
        report.WorkedHours.ShouldBe(0m);
    }

    [Fact]
    public async Task CustomerComments_AreIfMatchGuarded_AndStaffSeeThem()
    {
        var (workOrder, _) = await PortalApi.WorkOrderAsync(factory);
        var link = await PortalApi.LinkAsync(factory, workOrder.Id, "ProgressReport");
        var anonymous = factory.Anonymous();
        var (_, etag) = await PortalApi.GetAsync<ProgressView>(anonymous, PortalApi.Url(link.Token, "/progress-report"));
        var url = PortalApi.Url(link.Token, "/comments");

        await (await PortalApi.SendAsync(anonymous, HttpMethod.Post, url, new { text = "" }, etag)).ShouldBeValidationProblemAsync("text");
        await (await PortalApi.SendAsync(anonymous, HttpMethod.Post, url, new { text = "When do you come?" }, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var created = await PortalApi.SendAsync(anonymous, HttpMethod.Post, url, new { text = "When do you come?" }, etag);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await PortalApi.SendAsync(anonymous, HttpMethod.Post, url, new { text = "Again?" }, etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var staff = await (await (await factory.SessionAsync("Dispatcher")).GetAsync($"/api/v1/work-orders/{workOrder.Id}")).ShouldBeAsync<StaffWorkOrder>(HttpStatusCode.OK);
        var comment = staff.Comments.ShouldHaveSingleItem();
        comment.ByCustomer.ShouldBeTrue();
        comment.AuthorName.ShouldBe("Pat Primary");
        comment.AuthorId.ShouldBeNull();
    }

    [Fact]
    public async Task EveryUse_IsInTheLinksAccessLog_ForOfficeStaff()
    {
        var (workOrder, _) = await PortalApi.WorkOrderAsync(factory);
        var link = await PortalApi.LinkAsync(factory, workOrder.Id, "Estimate");
        var customer = factory.Anonymous();
        customer.DefaultRequestHeaders.UserAgent.ParseAdd("PortalTest/1.0");
        (await customer.GetAsync(PortalApi.Url(link.Token))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await customer.GetAsync(PortalApi.Url(link.Token, "/estimate"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await customer.GetAsync(PortalApi.Url(link.Token, "/estimate/pdf"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await customer.GetAsync(PortalApi.Url(link.Token, "/invoice"))).StatusCode.ShouldBe(HttpStatusCode.NotFound); // not logged: not this view

        var url = $"/api/v1/work-orders/{workOrder.Id}/portal-links/{link.Link.Id}/access-log";
        var log = await (await (await factory.SessionAsync("ProjectManager")).GetAsync(url)).ShouldBeAsync<List<PortalAccessRow>>(HttpStatusCode.OK);
        log.Select(r => r.Action).ShouldBe(["Download estimate PDF", "View estimate", "Open"], ignoreOrder: true);
        log.ShouldAllBe(r => r.UserAgent == "PortalTest/1.0");
        await (await (await factory.SessionAsync("AccountsReceivable")).GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await (await factory.SessionAsync("Dispatcher")).GetAsync($"/api/v1/work-orders/{workOrder.Id}/portal-links/{Guid.NewGuid()}/access-log"))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var links = await (await (await factory.SessionAsync("Dispatcher")).GetAsync($"/api/v1/work-orders/{workOrder.Id}/portal-links"))
            .ShouldBeAsync<List<PortalLinkRow>>(HttpStatusCode.OK);
        links.Single(l => l.Id == link.Link.Id).LastUsedAt.ShouldBe(factory.Clock.UtcNow);
    }

    [Fact]
    public async Task TheTokenExpiryJob_PurgesExpiredAndRevokedLinks_AfterTheGracePeriod_AndKeepsTheOthers()
    {
        var (workOrder, _) = await PortalApi.WorkOrderAsync(factory);
        var shortLived = await PortalApi.LinkAsync(factory, workOrder.Id, "Estimate", new { view = "Estimate", expiresInHours = 1 });
        var revoked = await PortalApi.LinkAsync(factory, workOrder.Id, "Invoice");
        (await factory.Anonymous().GetAsync(PortalApi.Url(revoked.Token))).StatusCode.ShouldBe(HttpStatusCode.OK); // an access-log row
        (await (await factory.SessionAsync("TeamManager")).DeleteAsync($"/api/v1/work-orders/{workOrder.Id}/portal-links/{revoked.Link.Id}"))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        factory.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        var lasting = await PortalApi.LinkAsync(factory, workOrder.Id, "Estimate", new { view = "Estimate", expiresInHours = 720 });
        await PurgeAsync(); // within the grace period: nothing of this work order goes
        (await factory.WithDbAsync(db => db.PortalLinks.CountAsync(l => l.WorkOrderId == workOrder.Id))).ShouldBe(3);

        factory.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(2));
        (await PurgeAsync()).ShouldBeGreaterThanOrEqualTo(2);
        var left = await factory.WithDbAsync(db => db.PortalLinks.AsNoTracking().Where(l => l.WorkOrderId == workOrder.Id).Select(l => l.Id).ToListAsync());
        left.ShouldBe([lasting.Link.Id]);
        (await factory.WithDbAsync(db => db.PortalAccessLog.CountAsync(a => a.LinkId == revoked.Link.Id))).ShouldBe(0);
        shortLived.Token.ShouldNotBeNullOrEmpty();
    }

    private Task<int> PurgeAsync() => factory.WithDbAsync(async db =>
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalLinkPurge>().PurgeAsync(CancellationToken.None);
    });

    private static string PortalToken() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private sealed record InvoiceView(decimal WorkedHours, decimal? BilledHours, decimal MinimumBilledHours, bool BilledMinimumApplied, decimal PartsTotal, int Version);

    private sealed record ProgressView(decimal EstimatedLabourHours, decimal WorkedHours, decimal CreditBalance, int Version);
}

public sealed class PortalTestsOnSqlite(SqlitePortalFactory factory) : PortalTests(factory), IClassFixture<SqlitePortalFactory>;

public sealed class PortalTestsOnPostgres(PostgresPortalFactory factory) : PortalTests(factory), IClassFixture<PostgresPortalFactory>;
