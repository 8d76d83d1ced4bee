namespace WorkOrders.Application.Common.Models;

/// <summary>Exponential backoff with jitter for background retries: attempt n waits about
/// <c>base × 2^(n-1)</c>, capped, and spread over [½, 1] of that ("equal jitter") so that messages that
/// failed together do not retry together.</summary>
public static class RetryBackoff
{
    /// <param name="attempt">The attempt that just failed, from 1.</param>
    /// <param name="baseDelay">The wait after the first failure (before jitter).</param>
    /// <param name="cap">The longest wait.</param>
    /// <param name="jitter">A number in [0, 1) (random in production, fixed in tests).</param>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan cap, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(baseDelay.Ticks);
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, baseDelay);
        jitter = Math.Clamp(jitter, 0d, 1d);

        // 2^(attempt-1) without overflow: past 2^30 the cap has long been reached.
        var exponential = baseDelay.Ticks * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, cap.Ticks);
        return TimeSpan.FromTicks((long)(capped * (0.5 + (0.5 * jitter))));
    }
}
