using System.Security.Cryptography;

namespace Calltrail.Recorder.Recordings;

/// <summary>A recording's data key encrypted by one master key of the ring, named by its id.</summary>
public sealed record WrappedDataKey(string KeyId, byte[] Nonce, byte[] Ciphertext, byte[] Tag);

/// <summary>
/// The master keys that protect recordings' data keys: new files and rotations use the active key;
/// any key of the ring opens the files it wrapped. Keys come from configuration; ids are short ASCII
/// names (1–32 printable characters) stored in each file's header.
/// </summary>
public sealed class RecordingKeyRing
{
    public const int KeySize = 32;
    public const int MaxKeyIdLength = 32;

    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    public RecordingKeyRing(string activeKeyId, IEnumerable<KeyValuePair<string, byte[]>> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var (id, key) in keys)
        {
            if (!IsValidKeyId(id) || key is not { Length: KeySize })
            {
                throw new ArgumentException($"Recording key '{id}' needs an id of 1–{MaxKeyIdLength} printable ASCII characters and {KeySize} bytes.", nameof(keys));
            }

            _keys[id] = [.. key];
        }

        if (!_keys.ContainsKey(activeKeyId))
        {
            throw new ArgumentException($"The active recording key '{activeKeyId}' is not in the ring.", nameof(activeKeyId));
        }

        ActiveKeyId = activeKeyId;
    }

    public string ActiveKeyId { get; }

    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    public bool Contains(string keyId) => _keys.ContainsKey(keyId);

    public static bool IsValidKeyId(string? keyId) =>
        keyId is { Length: >= 1 and <= MaxKeyIdLength } && keyId.All(c => c is >= '!' and <= '~');

    /// <summary>Encrypts a data key under the active key, bound to <paramref name="associatedData"/>.</summary>
    public WrappedDataKey Wrap(ReadOnlySpan<byte> dataKey, ReadOnlySpan<byte> associatedData)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(dataKey.Length, KeySize, nameof(dataKey));
        var wrapped = new WrappedDataKey(ActiveKeyId, RandomNumberGenerator.GetBytes(RecordingLayout.NonceSize), new byte[KeySize], new byte[RecordingLayout.TagSize]);
        using var aes = new AesGcm(_keys[ActiveKeyId], RecordingLayout.TagSize);
        aes.Encrypt(wrapped.Nonce, dataKey, wrapped.Ciphertext, wrapped.Tag, associatedData);
        return wrapped;
    }

    /// <summary>False when the ring lacks the key, or the key or anything authenticated does not match.</summary>
    public bool TryUnwrap(WrappedDataKey wrapped, ReadOnlySpan<byte> associatedData, Span<byte> dataKey)
    {
        ArgumentNullException.ThrowIfNull(wrapped);
        if (!_keys.TryGetValue(wrapped.KeyId, out var key) || wrapped.Ciphertext.Length != KeySize || dataKey.Length != KeySize)
        {
            return false;
        }

        try
        {
            using var aes = new AesGcm(key, RecordingLayout.TagSize);
            aes.Decrypt(wrapped.Nonce, wrapped.Ciphertext, wrapped.Tag, dataKey, associatedData);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            dataKey.Clear();
            return false;
        }
    }
}
