using Calltrail.Settings;
using Calltrail.Storage.Organization;

namespace Calltrail.Server.Organization;

/// <summary>A queue with the recording value in force and where it comes from.</summary>
public sealed record QueueView(string Id, string Name, QueueRecordingView Recording)
{
    internal static QueueView Of(ContactCenterQueue queue) =>
        new(queue.Id, queue.Name, new QueueRecordingView(queue.Recording.Record, SourceName.Of(queue.Recording.Source)));
}

/// <summary><c>source</c> is <c>custom</c> (the queue's own value, kept until reset) or <c>inherited</c> (<c>defaults.queue.record</c>).</summary>
public sealed record QueueRecordingView(bool Record, string Source);

/// <summary>The body of <c>PUT /api/queues/{id}</c>.</summary>
public sealed record QueueBody(string Name);

/// <summary>The body of <c>PUT /api/queues/{id}/recording</c>.</summary>
public sealed record QueueRecordingBody(bool Record);

internal static class SourceName
{
    public const string Custom = "custom";
    public const string Inherited = "inherited";

    public static string Of(SettingSource source) => source == SettingSource.Custom ? Custom : Inherited;
}
