using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkOrders.Infrastructure.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Portal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CustomerActivityAt",
                table: "WorkOrders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EstimateVersion",
                table: "WorkOrders",
                type: "integer",
                nullable: false,
                defaultValue: 1); // existing work orders are on the first version of their estimate

            migrationBuilder.AddColumn<bool>(
                name: "ApprovalStale",
                table: "LineItems",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "DecidedEstimateVersion",
                table: "LineItems",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecidedPdfSha256",
                table: "LineItems",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousApprovalNote",
                table: "LineItems",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousApprovalStatus",
                table: "LineItems",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PreviousDecidedAt",
                table: "LineItems",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PreviousDecidedEstimateVersion",
                table: "LineItems",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EstimateSignatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkOrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Image = table.Column<byte[]>(type: "bytea", nullable: false),
                    SignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EstimateVersion = table.Column<int>(type: "integer", nullable: false),
                    EstimatePdfSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PortalLinkId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EstimateSignatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EstimateSignatures_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LineItemDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkOrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineItemRevision = table.Column<int>(type: "integer", nullable: false),
                    Decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EstimateVersion = table.Column<int>(type: "integer", nullable: false),
                    EstimatePdfSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PortalLinkId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LineItemDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LineItemDecisions_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PortalLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkOrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    View = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    CreatedByName = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    LastUsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EmailedTo = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PortalLinks_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PortalAccessLog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LinkId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalAccessLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PortalAccessLog_PortalLinks_LinkId",
                        column: x => x.LinkId,
                        principalTable: "PortalLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EstimateSignatures_WorkOrderId_EstimateVersion",
                table: "EstimateSignatures",
                columns: new[] { "WorkOrderId", "EstimateVersion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LineItemDecisions_LineItemId",
                table: "LineItemDecisions",
                column: "LineItemId");

            migrationBuilder.CreateIndex(
                name: "IX_LineItemDecisions_WorkOrderId_DecidedAt",
                table: "LineItemDecisions",
                columns: new[] { "WorkOrderId", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PortalAccessLog_LinkId_At",
                table: "PortalAccessLog",
                columns: new[] { "LinkId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PortalLinks_ExpiresAt",
                table: "PortalLinks",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_PortalLinks_TokenHash",
                table: "PortalLinks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortalLinks_WorkOrderId_CreatedAt",
                table: "PortalLinks",
                columns: new[] { "WorkOrderId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EstimateSignatures");

            migrationBuilder.DropTable(
                name: "LineItemDecisions");

            migrationBuilder.DropTable(
                name: "PortalAccessLog");

            migrationBuilder.DropTable(
                name: "PortalLinks");

            migrationBuilder.DropColumn(
                name: "CustomerActivityAt",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "EstimateVersion",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "ApprovalStale",
                table: "LineItems");

            migrationBuilder.DropColumn(
                name: "DecidedEstimateVersion",
                table: "LineItems");

            migrationBuilder.DropColumn(
                name: "DecidedPdfSha256",
                table: "LineItems");

            migrationBuilder.DropColumn(
                name: "PreviousApprovalNote",
                table: "LineItems");

            migrationBuilder.DropColumn(
                name: "PreviousApprovalStatus",
                table: "LineItems");

            migrationBuilder.DropColumn(
                name: "PreviousDecidedAt",
                table: "LineItems");

            migrationBuilder.DropColumn(
                name: "PreviousDecidedEstimateVersion",
                table: "LineItems");
        }
    }
}
