using WorkOrders.Application.Common.Models;

namespace WorkOrders.Application.UnitTests.Common.Models;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Cap = TimeSpan.FromHours(1);

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(4, 80)]
    public void Doubles_EachAttempt_WithoutJitterAtTheTop(int attempt, int seconds) =>
        RetryBackoff.Delay(attempt, Base, Cap, jitter: 1).ShouldBe(TimeSpan.FromSeconds(seconds));

    [Fact]
    public void Jitter_SpreadsTheWait_OverHalfToAllOfIt()
    {
        RetryBackoff.Delay(3, Base, Cap, jitter: 0).ShouldBe(TimeSpan.FromSeconds(20));
        RetryBackoff.Delay(3, Base, Cap, jitter: 0.5).ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void IsCapped_AndNeverOverflows()
    {
        RetryBackoff.Delay(20, Base, Cap, jitter: 1).ShouldBe(Cap);
        RetryBackoff.Delay(int.MaxValue, Base, Cap, jitter: 1).ShouldBe(Cap);
        RetryBackoff.Delay(int.MaxValue, Base, Cap, jitter: 0).ShouldBe(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void JitterOutsideTheUnitInterval_IsClamped() =>
        RetryBackoff.Delay(1, Base, Cap, jitter: 7).ShouldBe(Base);

    [Fact]
    public void AttemptsStartAtOne() =>
        Should.Throw<ArgumentOutOfRangeException>(() => RetryBackoff.Delay(0, Base, Cap, 0));
}
