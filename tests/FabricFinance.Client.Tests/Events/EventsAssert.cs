namespace FabricFinance.Client.Tests.Events;

/// <summary>Waits for effects of background continuations, within the default timeout.</summary>
internal static class EventsAssert
{
    public static async Task EventuallyAsync(Func<bool> condition, string because)
    {
        var deadline = DateTime.UtcNow + Infrastructure.TaskExtensions.Timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {because}.");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>Gives pending continuations a moment to run, for assertions that something did not happen.</summary>
    public static Task SettleAsync() => Task.Delay(50);
}
