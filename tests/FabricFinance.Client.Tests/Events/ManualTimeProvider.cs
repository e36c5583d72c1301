namespace FabricFinance.Client.Tests.Events;

/// <summary>A clock that moves only when the test says so; its timers fire when <see cref="Advance"/> passes their due time.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private TimeSpan _elapsed;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Gets the due times, relative to the start, of the timers waiting to fire.</summary>
    public IReadOnlyList<TimeSpan> ScheduledTimers
    {
        get
        {
            lock (_lock)
            {
                return [.. _timers.Where(timer => timer.DueAt is not null).Select(timer => timer.DueAt!.Value - _elapsed)];
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return start + _elapsed;
        }
    }

    public override long GetTimestamp()
    {
        lock (_lock)
        {
            return _elapsed.Ticks;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_lock)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Waits until some code has scheduled a timer (for example a backoff delay), then returns its remaining wait.</summary>
    public async Task<TimeSpan> WaitForTimerAsync()
    {
        var deadline = DateTime.UtcNow + Infrastructure.TaskExtensions.Timeout;
        while (DateTime.UtcNow < deadline)
        {
            var scheduled = ScheduledTimers;
            if (scheduled.Count > 0)
            {
                return scheduled.Min();
            }

            await Task.Delay(5);
        }

        throw new TimeoutException("No timer was scheduled.");
    }

    /// <summary>Moves the clock forward and fires every timer that falls due.</summary>
    public void Advance(TimeSpan by)
    {
        var due = new List<ManualTimer>();
        lock (_lock)
        {
            _elapsed += by;
            foreach (var timer in _timers)
            {
                if (timer.DueAt is { } dueAt && dueAt <= _elapsed)
                {
                    due.Add(timer);
                    timer.DueAt = timer.Period > TimeSpan.Zero && timer.Period != Timeout.InfiniteTimeSpan ? _elapsed + timer.Period : null;
                }
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public TimeSpan? DueAt { get; set; }

        public TimeSpan Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._lock)
            {
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._elapsed + dueTime;
                Period = period;
            }

            if (dueTime == TimeSpan.Zero)
            {
                owner.Advance(TimeSpan.Zero);
            }

            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._lock)
            {
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
