namespace FabricFinance.Client.Tests.Infrastructure;

/// <summary>Stops a hanging await from hanging the test run.</summary>
internal static class TaskExtensions
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static Task DefaultTimeout(this Task task) => task.WaitAsync(Timeout);

    public static Task<T> DefaultTimeout<T>(this Task<T> task) => task.WaitAsync(Timeout);

    public static Task<T> DefaultTimeout<T>(this ValueTask<T> task) => task.AsTask().WaitAsync(Timeout);

    /// <summary>Enumerates a sequence until it ends or <paramref name="count"/> items were read, within the default timeout.</summary>
    public static async Task<List<T>> TakeAsync<T>(this IAsyncEnumerable<T> source, int count)
    {
        var items = new List<T>();
        if (count == 0)
        {
            return items;
        }

        await using var enumerator = source.GetAsyncEnumerator();
        while (await enumerator.MoveNextAsync().AsTask().DefaultTimeout())
        {
            items.Add(enumerator.Current);
            if (items.Count == count)
            {
                break;
            }
        }

        return items;
    }
}
