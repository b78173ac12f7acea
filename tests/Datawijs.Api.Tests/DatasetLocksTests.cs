using Datawijs.Api.Features.Datasets;

namespace Datawijs.Api.Tests;

/// <summary>Uploads to one dataset take turns; the lock of a dataset no one uploads to is gone.</summary>
public sealed class DatasetLocksTests
{
    [Fact]
    public async Task A_second_holder_of_the_same_dataset_waits_and_another_dataset_does_not()
    {
        var locks = new DatasetLocks();
        var dataset = Guid.NewGuid();
        var first = await locks.EnterAsync(dataset, CancellationToken.None);
        var second = locks.EnterAsync(dataset, CancellationToken.None);
        var other = await locks.EnterAsync(Guid.NewGuid(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).Dispose();
        other.Dispose();
    }

    [Fact]
    public async Task Every_entry_is_removed_when_its_last_holder_or_waiter_leaves()
    {
        var locks = new DatasetLocks();
        for (var i = 0; i < 1000; i++)
        {
            (await locks.EnterAsync(Guid.NewGuid(), CancellationToken.None)).Dispose();
        }

        Assert.Equal(0, locks.Count);

        var dataset = Guid.NewGuid();
        var held = await locks.EnterAsync(dataset, CancellationToken.None);
        using var giveUp = new CancellationTokenSource();
        var waiting = locks.EnterAsync(dataset, giveUp.Token);
        var queued = locks.EnterAsync(dataset, CancellationToken.None);
        Assert.Equal(1, locks.Count);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        var last = await queued.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(1, locks.Count);
        last.Dispose();
        last.Dispose();
        Assert.Equal(0, locks.Count);
    }
}
