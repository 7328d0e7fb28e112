using System.Globalization;
using Microsoft.Playwright;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>
/// Looks at what an element really shows: screenshots it and lets the page's own image decoder count the pixels of a
/// colour, so "the map is not blank" is checked on pixels, not on DOM nodes.
/// </summary>
internal static class MapPixels
{
    /// <summary>The share (0–1) of the element's pixels within a small tolerance of <paramref name="hex"/> (#rrggbb).</summary>
    public static async Task<double> FractionOfColourAsync(IPage page, ILocator element, string hex)
    {
        var png = await element.ScreenshotAsync();
        var rgb = new[] { hex[1..3], hex[3..5], hex[5..7] }.Select(h => int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
        return await page.EvaluateAsync<double>(
            """
            async ([data, rgb]) => {
                const image = new Image();
                image.src = 'data:image/png;base64,' + data;
                await image.decode();
                const canvas = document.createElement('canvas');
                canvas.width = image.width;
                canvas.height = image.height;
                const context = canvas.getContext('2d');
                context.drawImage(image, 0, 0);
                const pixels = context.getImageData(0, 0, image.width, image.height).data;
                let hits = 0;
                for (let i = 0; i < pixels.length; i += 4) {
                    if (Math.abs(pixels[i] - rgb[0]) <= 3 && Math.abs(pixels[i + 1] - rgb[1]) <= 3 && Math.abs(pixels[i + 2] - rgb[2]) <= 3) hits++;
                }
                return hits / (pixels.length / 4);
            }
            """,
            new object[] { Convert.ToBase64String(png), rgb });
    }
}
