using Calltrail.Settings;

namespace Calltrail.Storage.Organization;

/// <summary>The value in force for a queue and whether it is the queue's own (custom, sticky) or the default.</summary>
public sealed record QueueRecording(bool Record, SettingSource Source);

/// <summary>A contact-center queue.</summary>
public sealed record ContactCenterQueue(string Id, string Name, QueueRecording Recording);
