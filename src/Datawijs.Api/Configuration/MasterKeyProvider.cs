using System.Security.Cryptography;
using Datawijs.Domain.Privacy;

namespace Datawijs.Api.Configuration;

/// <summary>
/// Finds the master key: from configuration, or in Development from ./data/master.key
/// (generated once), so a newcomer needs no set-up. Production without a key does not start.
/// </summary>
public static class MasterKeyProvider
{
    public const string DevelopmentKeyFile = "data/master.key";

    public static (byte[]? Key, string? Problem) Resolve(PseudonymisationSettings settings, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(settings.MasterKey))
        {
            return Decode(settings.MasterKey, "Pseudonymisation:MasterKey");
        }

        if (!environment.IsDevelopment())
        {
            return (null, "Pseudonymisation:MasterKey is required outside Development: set it (base64, at least 32 bytes), e.g. Pseudonymisation__MasterKey=$(openssl rand -base64 32).");
        }

        var path = Path.GetFullPath(DevelopmentKeyFile);
        if (File.Exists(path))
        {
            return Decode(File.ReadAllText(path).Trim(), path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return (key, null);
    }

    private static (byte[]? Key, string? Problem) Decode(string base64, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            return (null, $"{source} is not valid base64.");
        }

        return key.Length < KeyRing.MinimumMasterKeyBytes
            ? (null, $"{source} must hold at least {KeyRing.MinimumMasterKeyBytes} bytes (it holds {key.Length}).")
            : (key, null);
    }
}
