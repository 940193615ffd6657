using CommitmentTracker.Infrastructure.Webhooks;

namespace CommitmentTracker.Integration.Tests.Webhooks;

public sealed class RetryScheduleTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Max = TimeSpan.FromHours(1);

    [Theory]
    [InlineData(1, 15, 30)]
    [InlineData(2, 30, 60)]
    [InlineData(3, 60, 120)]
    [InlineData(20, 1800, 3600)]
    public void Doubles_per_failure_with_half_of_it_random_and_a_cap(int failures, double low, double high)
    {
        RetrySchedule.Delay(failures, Base, Max, random: 0).TotalSeconds.ShouldBe(low);
        RetrySchedule.Delay(failures, Base, Max, random: 0.999999).TotalSeconds.ShouldBe(high, tolerance: 0.01);
    }
}
