namespace Calltrail.Server.Calls;

/// <summary>One open stream's watch on its credential: <see cref="Ended"/> fires when the stream must end, <see cref="Reason"/> says why.</summary>
internal sealed class CredentialWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource ended;
    private Task watching = Task.CompletedTask;

    private CredentialWatch(CancellationToken requestAborted) => ended = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);

    /// <summary>Cancelled when the credential lapses or the request ends.</summary>
    public CancellationToken Ended => ended.Token;

    /// <summary>Why the credential lapsed; null while it holds (or when the listener left first).</summary>
    public string? Reason { get; private set; }

    public static CredentialWatch Start(Func<CancellationToken, Task<string>> lapsed, CancellationToken requestAborted)
    {
        var watch = new CredentialWatch(requestAborted);
        watch.watching = watch.RunAsync(lapsed);
        return watch;
    }

    public async ValueTask DisposeAsync()
    {
        await ended.CancelAsync();
        await watching;
        ended.Dispose();
    }

    private async Task RunAsync(Func<CancellationToken, Task<string>> lapsed)
    {
        try
        {
            Reason = await lapsed(ended.Token);
        }
        catch (Exception) when (ended.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
        {
            // Fails closed: a stream whose credential cannot be checked does not go on unchecked.
            Reason = "the token could not be checked again; open the stream again";
        }

        await ended.CancelAsync();
    }
}
