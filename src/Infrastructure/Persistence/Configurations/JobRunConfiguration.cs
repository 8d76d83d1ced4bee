using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Infrastructure.Jobs.Runs;

namespace WorkOrders.Infrastructure.Persistence.Configurations;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("JobRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Job).HasMaxLength(400).IsRequired();
        builder.Property(r => r.Trigger).HasMaxLength(400).IsRequired();
        builder.Property(r => r.FireInstanceId).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Node).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Outcome).HasMaxLength(20).IsRequired();
        builder.Property(r => r.Error).HasMaxLength(JobRun.ErrorMaxLength);

        // "Last runs of a job" and the purge by age.
        builder.HasIndex(r => new { r.Job, r.StartedAt });
        builder.HasIndex(r => r.FinishedAt);
    }
}
