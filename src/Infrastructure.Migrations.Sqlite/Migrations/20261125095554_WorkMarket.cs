using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkOrders.Infrastructure.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WorkMarket : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorkMarketCursors",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkMarketCursors", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "WorkMarketSyncs",
                columns: table => new
                {
                    WorkOrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignmentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    WorkMarketStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSyncedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkMarketSyncs", x => x.WorkOrderId);
                    table.ForeignKey(
                        name: "FK_WorkMarketSyncs_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkMarketWebhookReceipts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignmentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkMarketWebhookReceipts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkMarketSyncs_AssignmentId",
                table: "WorkMarketSyncs",
                column: "AssignmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkMarketWebhookReceipts_AssignmentId_Event_Status",
                table: "WorkMarketWebhookReceipts",
                columns: new[] { "AssignmentId", "Event", "Status" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkMarketCursors");

            migrationBuilder.DropTable(
                name: "WorkMarketSyncs");

            migrationBuilder.DropTable(
                name: "WorkMarketWebhookReceipts");
        }
    }
}
