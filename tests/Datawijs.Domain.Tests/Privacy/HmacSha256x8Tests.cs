using System.Security.Cryptography;
using System.Text;
using Datawijs.Domain.Privacy;

namespace Datawijs.Domain.Tests.Privacy;

public sealed class HmacSha256x8Tests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(32)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(131)]
    public void Every_lane_gives_the_platforms_hmac_for_messages_of_every_length_that_fits_a_block(int keyLength)
    {
        var random = new Random(keyLength);
        var key = new byte[keyLength];
        random.NextBytes(key);
        var hmac = new HmacSha256x8(key);
        for (var round = 0; round < 60; round++)
        {
            var count = 1 + (round % HmacSha256x8.Lanes);
            var messages = new byte[count * HmacSha256x8.MaxMessageBytes];
            random.NextBytes(messages);
            var starts = new int[count];
            var lengths = new int[count];
            var at = 0;
            for (var lane = 0; lane < count; lane++)
            {
                lengths[lane] = (round + (lane * 7)) % (HmacSha256x8.MaxMessageBytes + 1);
                starts[lane] = at;
                at += lengths[lane];
            }

            var macs = new byte[32 * count];
            hmac.Compute(messages, starts, lengths, macs);

            for (var lane = 0; lane < count; lane++)
            {
                var expected = HMACSHA256.HashData(key, messages.AsSpan(starts[lane], lengths[lane]));
                Assert.Equal(expected, macs.AsSpan(32 * lane, 32).ToArray());
            }
        }
    }

    [Fact]
    public void The_rfc_4231_test_case_2_comes_out_in_every_lane()
    {
        var hmac = new HmacSha256x8("Jefe"u8);
        var message = Encoding.ASCII.GetBytes("what do ya want for nothing?");
        var macs = new byte[32 * HmacSha256x8.Lanes];

        hmac.Compute(message, new int[HmacSha256x8.Lanes], Enumerable.Repeat(message.Length, HmacSha256x8.Lanes).ToArray(), macs);

        for (var lane = 0; lane < HmacSha256x8.Lanes; lane++)
        {
            Assert.Equal("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", Convert.ToHexStringLower(macs.AsSpan(32 * lane, 32)));
        }
    }

    [Fact]
    public void A_message_longer_than_a_block_allows_is_refused()
    {
        var hmac = new HmacSha256x8(new byte[32]);

        Assert.Throws<ArgumentOutOfRangeException>(() => hmac.Compute(new byte[56], [0], [56], new byte[32]));
        Assert.Throws<ArgumentOutOfRangeException>(() => hmac.Compute(new byte[9], new int[9], new int[9], new byte[9 * 32]));
    }
}
