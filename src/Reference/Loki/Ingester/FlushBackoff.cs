namespace Verified.Reference.Loki.Ingester;

/// <summary>
/// dskit's <c>backoff.Backoff</c> (dskit backoff/backoff.go) with the randomness injected: each delay is drawn
/// uniformly from [min, max) of the current range, and the range doubles, capped at the maximum, after each draw:
/// with Loki's flush settings [10s, 20s), [20s, 40s), [40s, 60s), then 60s.
/// </summary>
internal sealed class FlushBackoff
{
    private readonly TimeSpan _max;
    private TimeSpan _nextMin;
    private TimeSpan _nextMax;

    public FlushBackoff(TimeSpan min, TimeSpan max)
    {
        _max = max;
        _nextMin = min;
        _nextMax = Double(min);
    }

    public TimeSpan NextDelay(Random random)
    {
        var delay = _nextMin >= _nextMax
            ? _nextMin
            : _nextMin + TimeSpan.FromTicks(random.NextInt64((_nextMax - _nextMin).Ticks));
        if (_nextMax < _max)
        {
            _nextMin = Double(_nextMin);
            _nextMax = Double(_nextMax);
        }

        return delay;
    }

    private TimeSpan Double(TimeSpan value) => value > _max / 2 ? _max : value * 2;
}
