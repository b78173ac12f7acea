using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace Datawijs.Domain.Privacy;

/// <summary>
/// HMAC-SHA-256 (RFC 2104, FIPS 180-4) of eight short messages at once, one message per 32-bit lane of a
/// 256-bit vector. Pseudonymising an upload is one HMAC per record, and through the platform's HMAC each
/// costs over a microsecond, almost all of it the call into the native library and the reset between
/// messages, not the hashing. Here the key's inner and outer pads are hashed once; a message of at most
/// <see cref="MaxMessageBytes"/> bytes then takes one compression for the inner hash and one for the
/// outer, for eight messages together. The results are the platform's to the bit (the tests compare them
/// for random keys and messages of every length).
/// </summary>
public sealed class HmacSha256x8
{
    /// <summary>The longest message that fits one block with its padding (64 - 1 - 8 bytes).</summary>
    public const int MaxMessageBytes = 55;

    /// <summary>How many messages go at once.</summary>
    public const int Lanes = 8;

    private static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private static readonly uint[] InitialState = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

    private readonly uint[] _inner;
    private readonly uint[] _outer;

    public HmacSha256x8(ReadOnlySpan<byte> key)
    {
        // A key longer than a block is hashed first; a shorter one is padded with zeros (RFC 2104).
        Span<byte> block = stackalloc byte[64];
        block.Clear();
        if (key.Length > 64)
        {
            SHA256.HashData(key, block);
        }
        else
        {
            key.CopyTo(block);
        }

        Span<byte> pad = stackalloc byte[64];
        for (var i = 0; i < 64; i++)
        {
            pad[i] = (byte)(block[i] ^ 0x36);
        }

        _inner = CompressOne(InitialState, pad);
        for (var i = 0; i < 64; i++)
        {
            pad[i] = (byte)(block[i] ^ 0x5c);
        }

        _outer = CompressOne(InitialState, pad);
    }

    /// <summary>
    /// Whether eight lanes run in hardware here; otherwise <see cref="Compute"/> still gives the right
    /// answer, only not faster than the platform's HMAC.
    /// </summary>
    public static bool IsAccelerated => Vector256.IsHardwareAccelerated;

    /// <summary>
    /// The MACs of up to eight messages (each at most <see cref="MaxMessageBytes"/> bytes), 32 bytes each,
    /// written to <paramref name="macs"/> one after the other. <paramref name="messages"/> holds them back to back;
    /// message i starts at <paramref name="starts"/>[i] and is <paramref name="lengths"/>[i] bytes long.
    /// </summary>
    public void Compute(ReadOnlySpan<byte> messages, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths, Span<byte> macs)
    {
        var count = starts.Length;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Lanes, nameof(starts));
        ArgumentOutOfRangeException.ThrowIfNotEqual(lengths.Length, count, nameof(lengths));
        ArgumentOutOfRangeException.ThrowIfLessThan(macs.Length, 32 * count, nameof(macs));

        // The inner block of each lane: the message, 0x80, zeros, and the bit length of key block + message.
        Span<uint> words = stackalloc uint[16 * Lanes]; // word w of lane l at [w * 8 + l]
        Span<byte> block = stackalloc byte[64];
        for (var lane = 0; lane < Lanes; lane++)
        {
            block.Clear();
            if (lane < count)
            {
                var length = lengths[lane];
                ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxMessageBytes, nameof(lengths));
                messages.Slice(starts[lane], length).CopyTo(block);
                block[length] = 0x80;
                BinaryPrimitives.WriteUInt64BigEndian(block[56..], (ulong)(64 + length) * 8);
            }

            for (var w = 0; w < 16; w++)
            {
                words[(w * Lanes) + lane] = BinaryPrimitives.ReadUInt32BigEndian(block[(4 * w)..]);
            }
        }

        Span<Vector256<uint>> state = stackalloc Vector256<uint>[8];
        Compress(_inner, words, state);

        // The outer block: the inner hash (32 bytes), 0x80, zeros, and the bit length of key block + 32 bytes.
        for (var w = 0; w < 8; w++)
        {
            state[w].CopyTo(words.Slice(w * Lanes, Lanes));
        }

        words.Slice(8 * Lanes, 8 * Lanes).Clear();
        words.Slice(8 * Lanes, Lanes).Fill(0x80000000);
        words.Slice(15 * Lanes, Lanes).Fill((64 + 32) * 8);
        Compress(_outer, words, state);

        Span<uint> lanes = stackalloc uint[Lanes];
        for (var w = 0; w < 8; w++)
        {
            state[w].CopyTo(lanes);
            for (var lane = 0; lane < count; lane++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(macs[((32 * lane) + (4 * w))..], lanes[lane]);
            }
        }
    }

    // One compression of eight blocks (words[w * 8 + lane]) from the same starting state.
    private static void Compress(uint[] start, ReadOnlySpan<uint> words, Span<Vector256<uint>> result)
    {
        Span<Vector256<uint>> w = stackalloc Vector256<uint>[64];
        for (var t = 0; t < 16; t++)
        {
            w[t] = Vector256.Create(words.Slice(t * Lanes, Lanes));
        }

        for (var t = 16; t < 64; t++)
        {
            w[t] = SmallSigma1(w[t - 2]) + w[t - 7] + SmallSigma0(w[t - 15]) + w[t - 16];
        }

        var a = Vector256.Create(start[0]);
        var b = Vector256.Create(start[1]);
        var c = Vector256.Create(start[2]);
        var d = Vector256.Create(start[3]);
        var e = Vector256.Create(start[4]);
        var f = Vector256.Create(start[5]);
        var g = Vector256.Create(start[6]);
        var h = Vector256.Create(start[7]);
        for (var t = 0; t < 64; t++)
        {
            var t1 = h + BigSigma1(e) + ((e & f) ^ Vector256.AndNot(g, e)) + Vector256.Create(K[t]) + w[t];
            var t2 = BigSigma0(a) + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }

        result[0] = a + Vector256.Create(start[0]);
        result[1] = b + Vector256.Create(start[1]);
        result[2] = c + Vector256.Create(start[2]);
        result[3] = d + Vector256.Create(start[3]);
        result[4] = e + Vector256.Create(start[4]);
        result[5] = f + Vector256.Create(start[5]);
        result[6] = g + Vector256.Create(start[6]);
        result[7] = h + Vector256.Create(start[7]);
    }

    // The same compression for one block, used twice per key for its pads.
    private static uint[] CompressOne(uint[] start, ReadOnlySpan<byte> block)
    {
        Span<uint> words = stackalloc uint[16 * Lanes];
        for (var t = 0; t < 16; t++)
        {
            words.Slice(t * Lanes, Lanes).Fill(BinaryPrimitives.ReadUInt32BigEndian(block[(4 * t)..]));
        }

        Span<Vector256<uint>> state = stackalloc Vector256<uint>[8];
        Compress(start, words, state);
        var result = new uint[8];
        for (var i = 0; i < 8; i++)
        {
            result[i] = state[i].GetElement(0);
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Rotr(Vector256<uint> x, int n) => Vector256.ShiftRightLogical(x, n) | Vector256.ShiftLeft(x, 32 - n);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> BigSigma0(Vector256<uint> x) => Rotr(x, 2) ^ Rotr(x, 13) ^ Rotr(x, 22);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> BigSigma1(Vector256<uint> x) => Rotr(x, 6) ^ Rotr(x, 11) ^ Rotr(x, 25);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> SmallSigma0(Vector256<uint> x) => Rotr(x, 7) ^ Rotr(x, 18) ^ Vector256.ShiftRightLogical(x, 3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> SmallSigma1(Vector256<uint> x) => Rotr(x, 17) ^ Rotr(x, 19) ^ Vector256.ShiftRightLogical(x, 10);
}
