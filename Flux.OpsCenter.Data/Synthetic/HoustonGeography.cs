namespace Flux.OpsCenter.Data.Synthetic;

/// <summary>Places, names and the coastline of the Houston metro that make the territory look like Houston.</summary>
internal static class HoustonGeography
{
    public const double DowntownLat = 29.7604;
    public const double DowntownLon = -95.3698;
    public const double KmPerDegreeLat = 110.574;

    public static double KmPerDegreeLon(double latitude) => 111.320 * Math.Cos(latitude * Math.PI / 180);

    public sealed record Place(string Name, double Latitude, double Longitude, string City, int ZipBase, bool IsSuburbCentre);

    public static readonly IReadOnlyList<Place> Places =
    [
        new("Downtown", 29.7604, -95.3698, "Houston", 77002, false),
        new("Midtown", 29.7420, -95.3770, "Houston", 77004, false),
        new("Montrose", 29.7450, -95.3980, "Houston", 77006, false),
        new("Heights", 29.7900, -95.3980, "Houston", 77008, false),
        new("River Oaks", 29.7560, -95.4180, "Houston", 77019, false),
        new("Galleria", 29.7390, -95.4640, "Houston", 77056, false),
        new("Bellaire", 29.7050, -95.4580, "Bellaire", 77401, false),
        new("Meyerland", 29.6860, -95.4590, "Houston", 77096, false),
        new("Medical Center", 29.7070, -95.4010, "Houston", 77030, false),
        new("Third Ward", 29.7200, -95.3600, "Houston", 77004, false),
        new("East End", 29.7350, -95.3200, "Houston", 77011, false),
        new("Fifth Ward", 29.7760, -95.3330, "Houston", 77020, false),
        new("Near Northside", 29.7900, -95.3600, "Houston", 77009, false),
        new("Acres Homes", 29.8620, -95.4460, "Houston", 77088, false),
        new("Aldine", 29.9100, -95.3800, "Houston", 77032, false),
        new("Greenspoint", 29.9440, -95.4160, "Houston", 77060, false),
        new("Spring Branch", 29.8040, -95.5000, "Houston", 77080, false),
        new("Memorial", 29.7650, -95.5200, "Houston", 77024, false),
        new("Westchase", 29.7270, -95.5600, "Houston", 77042, false),
        new("Alief", 29.6960, -95.5940, "Houston", 77072, false),
        new("Sharpstown", 29.7000, -95.5200, "Houston", 77036, false),
        new("Gulfton", 29.7180, -95.4900, "Houston", 77081, false),
        new("Mission Bend", 29.6900, -95.6600, "Houston", 77083, false),
        new("Energy Corridor", 29.7800, -95.6300, "Houston", 77079, false),
        new("Katy", 29.7860, -95.8240, "Katy", 77494, true),
        new("Cypress", 29.9690, -95.6970, "Cypress", 77429, true),
        new("Jersey Village", 29.8870, -95.5640, "Jersey Village", 77040, false),
        new("Tomball", 30.0970, -95.6160, "Tomball", 77375, true),
        new("Spring", 30.0800, -95.4170, "Spring", 77373, true),
        new("Klein", 30.0300, -95.5200, "Spring", 77379, false),
        new("Humble", 29.9990, -95.2620, "Humble", 77338, true),
        new("Kingwood", 30.0500, -95.1850, "Kingwood", 77339, true),
        new("Atascocita", 29.9990, -95.1760, "Humble", 77346, false),
        new("Sheldon", 29.8700, -95.1500, "Houston", 77044, false),
        new("Channelview", 29.7760, -95.1150, "Channelview", 77530, false),
        new("Baytown", 29.7360, -94.9770, "Baytown", 77520, true),
        new("La Porte", 29.6660, -95.0200, "La Porte", 77571, false),
        new("Deer Park", 29.7050, -95.1240, "Deer Park", 77536, false),
        new("Pasadena", 29.6910, -95.2090, "Pasadena", 77506, true),
        new("South Houston", 29.6630, -95.2360, "South Houston", 77587, false),
        new("Hobby", 29.6460, -95.2770, "Houston", 77061, false),
        new("South Park", 29.6560, -95.3400, "Houston", 77033, false),
        new("Sunnyside", 29.6640, -95.3560, "Houston", 77051, false),
        new("Pearland", 29.5640, -95.2860, "Pearland", 77581, true),
        new("Friendswood", 29.5290, -95.2010, "Friendswood", 77546, false),
        new("League City", 29.5070, -95.0950, "League City", 77573, true),
        new("Webster", 29.5380, -95.1180, "Webster", 77598, false),
        new("Clear Lake", 29.5600, -95.0900, "Houston", 77058, false),
        new("Missouri City", 29.6190, -95.5380, "Missouri City", 77459, true),
        new("Sugar Land", 29.6200, -95.6350, "Sugar Land", 77478, true),
        new("Stafford", 29.6160, -95.5570, "Stafford", 77477, false),
        new("Richmond", 29.5820, -95.7610, "Richmond", 77469, false),
        new("Greenbusch", 29.5500, -95.6600, "Sugar Land", 77479, false),
        new("Bush Airport", 29.9900, -95.3400, "Houston", 77032, false),
        new("Northshore", 29.7800, -95.1800, "Houston", 77015, false),
        new("Galena Park", 29.7430, -95.2300, "Galena Park", 77547, false),
        new("Jacinto City", 29.7670, -95.2340, "Jacinto City", 77029, false),
        new("Garden Oaks", 29.8300, -95.4200, "Houston", 77018, false),
        new("Oak Forest", 29.8300, -95.4600, "Houston", 77092, false),
        new("Westbury", 29.6600, -95.4800, "Houston", 77035, false),
        new("Braeswood", 29.6900, -95.4300, "Houston", 77025, false),
        new("Kashmere", 29.8100, -95.3200, "Houston", 77026, false),
        new("Settegast", 29.8100, -95.2700, "Houston", 77028, false),
        new("Greens Bayou", 29.8600, -95.2300, "Houston", 77050, false),
        new("Fairbanks", 29.8600, -95.5000, "Houston", 77040, false),
        new("Copperfield", 29.8800, -95.6400, "Houston", 77084, false),
        new("Bear Creek", 29.8300, -95.6600, "Houston", 77084, false),
        new("Eldridge", 29.7500, -95.6200, "Houston", 77077, false),
        new("Addicks", 29.7900, -95.5900, "Houston", 77084, false),
    ];

    public static readonly IReadOnlyList<string> FirstNames =
    [
        "James", "Maria", "Robert", "Linda", "Michael", "Patricia", "David", "Jennifer", "Jose", "Elizabeth",
        "William", "Barbara", "Juan", "Susan", "Richard", "Jessica", "Carlos", "Sarah", "Thomas", "Karen",
        "Daniel", "Nancy", "Luis", "Lisa", "Matthew", "Ana", "Anthony", "Sandra", "Mark", "Ashley",
        "Minh", "Thao", "Kevin", "Priya", "Brian", "Emily", "Ahmed", "Fatima", "Jorge", "Rosa",
        "Tyrone", "Keisha", "Wei", "Mei", "Raj", "Anjali", "Diego", "Lucia", "Andre", "Tamika",
    ];

    public static readonly IReadOnlyList<string> LastNames =
    [
        "Smith", "Garcia", "Johnson", "Martinez", "Williams", "Hernandez", "Brown", "Lopez", "Jones", "Gonzalez",
        "Davis", "Rodriguez", "Miller", "Perez", "Wilson", "Sanchez", "Anderson", "Ramirez", "Taylor", "Torres",
        "Thomas", "Flores", "Moore", "Rivera", "Jackson", "Nguyen", "Martin", "Tran", "Lee", "Patel",
        "Thompson", "Le", "White", "Kim", "Harris", "Chen", "Clark", "Washington", "Lewis", "Jefferson",
    ];

    public static readonly IReadOnlyList<string> Streets =
    [
        "Westheimer", "Richmond", "Bellaire", "Bissonnet", "Alabama", "Fannin", "Main", "Shepherd", "Durham", "Yale",
        "Airline", "Aldine Bender", "Tidwell", "Little York", "Antoine", "Gessner", "Kirkwood", "Dairy Ashford", "Eldridge", "Hillcroft",
        "Fondren", "Beechnut", "Bellfort", "Almeda", "Cullen", "Scott", "Telephone", "Broadway", "Harrisburg", "Navigation",
        "Lyons", "Wayside", "Mesa", "Homestead", "Jensen", "Hardy", "Wallisville", "Uvalde", "Spencer", "Fairmont",
        "Red Bluff", "Genoa", "Edgebrook", "Fuqua", "Kirby", "Buffalo Speedway", "Post Oak", "San Felipe", "Memorial", "Washington",
        "Ella", "Antoine", "Bingle", "Hammerly", "Long Point", "Clay", "Mason", "Fry", "Barker Cypress", "Mason Creek",
        "Louetta", "Cypresswood", "Kuykendahl", "Rayford", "FM 1960", "Atascocita", "Will Clayton", "Northpark", "Garth", "Baker",
    ];

    public static readonly IReadOnlyList<string> StreetSuffixes = ["St", "Rd", "Dr", "Ln", "Blvd", "Ave", "Ct", "Way"];

    /// <summary>The place nearest a point.</summary>
    public static Place NearestPlace(double latitude, double longitude)
    {
        var best = Places[0];
        var bestDistance = double.MaxValue;
        foreach (var place in Places)
        {
            var d = DistanceKm(latitude, longitude, place.Latitude, place.Longitude);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = place;
            }
        }

        return best;
    }

    /// <summary>Galveston Bay, Trinity Bay and the marshes east of them: no substations there.</summary>
    public static bool IsWater(double latitude, double longitude) =>
        (longitude > -95.02 && latitude < 29.78 && !(longitude < -94.96 && latitude > 29.70))
        || (longitude > -94.93)
        || (latitude < 29.48);

    public static string Region(double latitude, double longitude)
    {
        var north = (latitude - DowntownLat) * KmPerDegreeLat;
        var east = (longitude - DowntownLon) * KmPerDegreeLon(latitude);
        if (Math.Sqrt((north * north) + (east * east)) < 12)
        {
            return "CENTRAL";
        }

        return Math.Abs(north) > Math.Abs(east) ? (north > 0 ? "NORTH" : "SOUTH") : (east > 0 ? "EAST" : "WEST");
    }

    /// <summary>Equirectangular distance, accurate to well under 1% at metro scale.</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        var dy = (lat2 - lat1) * KmPerDegreeLat;
        var dx = (lon2 - lon1) * KmPerDegreeLon((lat1 + lat2) / 2);
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    /// <summary>Moves a point by a distance in km along a bearing in radians (0 = north, clockwise).</summary>
    public static (double Lat, double Lon) Offset(double latitude, double longitude, double km, double bearing) =>
        (latitude + (km * Math.Cos(bearing) / KmPerDegreeLat),
         longitude + (km * Math.Sin(bearing) / KmPerDegreeLon(latitude)));
}
