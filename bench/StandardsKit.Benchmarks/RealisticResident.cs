using StandardsKit.Model;

namespace StandardsKit.Benchmarks;

#pragma warning disable CA1028, CA1711, CA1720, CA2217, SA1649
public enum Sex : byte { Female, Male }

public enum DisabilityType : byte { Visual, Hearing, Speech, Physical, Intellectual, Mental, Multiple }

public enum SchoolStage : byte { None, Preschool, Primary, Junior, Senior, Vocational, Higher }

public enum SelfCare : byte { Able, Partial, Unable }

public enum MedicalInsuranceType : byte { Employee, Resident, None }

public enum HivStatus : byte { Negative, Positive }

public enum ExtremePovertySupport : byte { Dispersed, Centralised }

public enum OrphanCare : byte { Institutional, Scattered }

public enum BurialType : byte { Ecological, LandSaving, Conventional }

[Flags]
public enum MilitaryStatus : ushort
{
    None = 0,
    ActiveServiceMember = 1,
    DisabledServiceMember = 2,
    DemobilizedSoldier = 4,
    Veteran = 8,
    RetiredServiceMember = 16,
    MartyrFamily = 32,
    DutyDeathFamily = 64,
    IllnessDeathFamily = 128,
    ActiveServiceFamily = 256,
}

public enum PensionInsuranceType : byte { Employee, Resident, None }

public enum FamilyPlanningComplication : byte { None, Grade1, Grade2, Grade3 }

[Flags]
public enum ChronicDisease : byte { None = 0, Hypertension = 1, Diabetes = 2 }
#pragma warning restore CA1028, CA1711, CA1720, CA2217, SA1649

/// <summary>
/// A resident as a caller's own system holds one: a plain struct of typed fields, one per input fact of the
/// vocabulary (enums as C# enums in the vocabulary's order, sets as flags, division codes as numbers). Facts
/// declared <c>absent: none</c> use 0 for "none"; enums that only some people have are nullable.
/// </summary>
public struct RawResident
{
    public DateOnly BirthDate;
    public Sex Sex;
    public int Hukou;
    public bool RuralHukou;
    public int Residence;
    public int ResidenceMonths;
    public bool Pregnant;
    public bool PlanningPregnancy;
    public int PregnancyWeeks;
    public int DisabilityGrade;
    public DisabilityType? DisabilityType;
    public bool Dibao;
    public bool LowIncome;
    public bool ExtremePoverty;
    public bool Orphan;
    public SchoolStage SchoolStage;
    public MilitaryStatus MilitaryStatus;
    public bool OnlyChildDeceased;
    public bool OnlyChildDisabled;
    public bool RegisteredUnemployed;
    public SelfCare SelfCare;
    public bool Employed;
    public MedicalInsuranceType MedicalInsuranceType;
    public bool ChildInDifficulty;
    public bool LeftBehindChild;
    public bool FamilyFinancialHardship;
    public bool Boarder;
    public bool NutritionProgrammeSchool;
    public bool UnemployedRecentGraduate;
    public bool EmploymentDifficulty;
    public bool ZeroEmploymentHousehold;
    public bool LabourDispute;
    public ChronicDisease ChronicDisease;
    public bool EndemicDisease;
    public bool SevereMentalDisorder;
    public bool Tuberculosis;
    public HivStatus HivStatus;
    public bool HivHighRiskBehaviour;
    public bool OccupationalHazardExposure;
    public bool OnlyChildOrTwoDaughters;
    public bool UrbanHousingDifficulty;
    public bool ShantytownResident;
    public bool RuralHousingUnsafe;
    public bool RelapseRiskHousehold;
    public bool FormerlyPoorHousehold;
    public bool ReceivedHousingSupport;
    public ExtremePovertySupport? ExtremePovertySupport;
    public bool SevereHardshipHousehold;
    public bool DisasterAffected;
    public bool EthnicMinority;
    public int MilitaryDisabilityGrade;
    public OrphanCare? OrphanCare;
    public BurialType? BurialType;
    public bool PlanningMarriage;
    public bool FactuallyUnattendedChild;
    public PensionInsuranceType PensionInsuranceType;
    public bool HousingIncomeDifficulty;
    public bool Postpartum;
    public bool InvoluntaryUnemployment;
    public int UnemploymentInsuranceMonths;
    public bool LegalAidRegardlessOfMeans;
    public FamilyPlanningComplication FamilyPlanningComplication;

    /// <summary>Every input fact the vocabulary declares has a field here, or the population refuses to generate.</summary>
    public static RawResident[] Population(FactVocabulary facts, int count, DateOnly on, int seed = 7)
    {
        var random = new Random(seed);
        var people = new RawResident[count];
        for (var i = 0; i < count; i++)
        {
            ref var r = ref people[i];
            var age = random.Next(0, 101);
            r.BirthDate = on.AddYears(-age).AddDays(-random.Next(0, 365));
            foreach (var fact in facts.Facts)
            {
                Draw(ref r, fact, age, random);
            }
        }

        return people;
    }

    private static bool Chance(Random random, int percent) => random.Next(100) < percent;

    private static void Draw(ref RawResident r, FactDeclaration fact, int age, Random rnd)
    {
        switch (fact.Name)
        {
            case "birthDate" or "age":
                return;
            case "sex": r.Sex = (Sex)rnd.Next(2); return;
            case "hukou": r.Hukou = Chance(rnd, 70) ? 310104 : Chance(rnd, 40) ? 310115 : 520102; return;
            case "ruralHukou": r.RuralHukou = Chance(rnd, 20); return;
            case "residence": r.Residence = Chance(rnd, 90) ? 310104 : 310115; return;
            case "residenceMonths": r.ResidenceMonths = rnd.Next(0, 12 * Math.Max(1, age)); return;
            case "pregnant": r.Pregnant = r.Sex == Sex.Female && age is >= 18 and <= 45 && Chance(rnd, 10); return;
            case "planningPregnancy": r.PlanningPregnancy = age is >= 20 and <= 45 && Chance(rnd, 10); return;
            case "pregnancyWeeks": r.PregnancyWeeks = r.Pregnant ? rnd.Next(1, 41) : 0; return;
            case "disabilityGrade": r.DisabilityGrade = Chance(rnd, 8) ? rnd.Next(1, 5) : 0; return;
            case "disabilityType": r.DisabilityType = r.DisabilityGrade != 0 ? (DisabilityType)rnd.Next(7) : null; return;
            case "dibao": r.Dibao = Chance(rnd, 5); return;
            case "lowIncome": r.LowIncome = Chance(rnd, 8); return;
            case "extremePoverty": r.ExtremePoverty = Chance(rnd, 2); return;
            case "orphan": r.Orphan = age < 18 && Chance(rnd, 2); return;
            case "schoolStage": r.SchoolStage = age switch { < 3 => SchoolStage.None, < 6 => SchoolStage.Preschool, < 12 => SchoolStage.Primary, < 15 => SchoolStage.Junior, < 18 => Chance(rnd, 70) ? SchoolStage.Senior : SchoolStage.Vocational, < 22 => Chance(rnd, 50) ? SchoolStage.Higher : SchoolStage.None, _ => SchoolStage.None }; return;
            case "militaryStatus": r.MilitaryStatus = Chance(rnd, 5) ? (MilitaryStatus)(1 << rnd.Next(9)) : MilitaryStatus.None; return;
            case "onlyChildDeceased": r.OnlyChildDeceased = age >= 49 && Chance(rnd, 2); return;
            case "onlyChildDisabled": r.OnlyChildDisabled = age >= 49 && Chance(rnd, 3); return;
            case "registeredUnemployed": r.RegisteredUnemployed = age is >= 16 and < 60 && Chance(rnd, 5); return;
            case "selfCare": r.SelfCare = age >= 70 && Chance(rnd, 20) ? (SelfCare)rnd.Next(1, 3) : SelfCare.Able; return;
            case "employed": r.Employed = age is >= 18 and < 60 && !r.RegisteredUnemployed && Chance(rnd, 75); return;
            case "medicalInsuranceType": r.MedicalInsuranceType = r.Employed ? MedicalInsuranceType.Employee : Chance(rnd, 95) ? MedicalInsuranceType.Resident : MedicalInsuranceType.None; return;
            case "childInDifficulty": r.ChildInDifficulty = age < 18 && Chance(rnd, 2); return;
            case "leftBehindChild": r.LeftBehindChild = age < 16 && r.RuralHukou && Chance(rnd, 10); return;
            case "familyFinancialHardship": r.FamilyFinancialHardship = Chance(rnd, 6); return;
            case "boarder": r.Boarder = r.SchoolStage is SchoolStage.Junior or SchoolStage.Senior && Chance(rnd, 20); return;
            case "nutritionProgrammeSchool": r.NutritionProgrammeSchool = r.SchoolStage is SchoolStage.Primary or SchoolStage.Junior && Chance(rnd, 10); return;
            case "unemployedRecentGraduate": r.UnemployedRecentGraduate = age is >= 21 and <= 25 && Chance(rnd, 10); return;
            case "employmentDifficulty": r.EmploymentDifficulty = Chance(rnd, 2); return;
            case "zeroEmploymentHousehold": r.ZeroEmploymentHousehold = Chance(rnd, 1); return;
            case "labourDispute": r.LabourDispute = r.Employed && Chance(rnd, 2); return;
            case "chronicDisease": r.ChronicDisease = age >= 35 && Chance(rnd, 25) ? (ChronicDisease)rnd.Next(1, 4) : ChronicDisease.None; return;
            case "endemicDisease": r.EndemicDisease = Chance(rnd, 1); return;
            case "severeMentalDisorder": r.SevereMentalDisorder = Chance(rnd, 1); return;
            case "tuberculosis": r.Tuberculosis = Chance(rnd, 1); return;
            case "hivStatus": r.HivStatus = Chance(rnd, 1) ? HivStatus.Positive : HivStatus.Negative; return;
            case "hivHighRiskBehaviour": r.HivHighRiskBehaviour = Chance(rnd, 1); return;
            case "occupationalHazardExposure": r.OccupationalHazardExposure = r.Employed && Chance(rnd, 10); return;
            case "onlyChildOrTwoDaughters": r.OnlyChildOrTwoDaughters = age >= 45 && Chance(rnd, 30); return;
            case "urbanHousingDifficulty": r.UrbanHousingDifficulty = Chance(rnd, 3); return;
            case "shantytownResident": r.ShantytownResident = Chance(rnd, 1); return;
            case "ruralHousingUnsafe": r.RuralHousingUnsafe = r.RuralHukou && Chance(rnd, 5); return;
            case "relapseRiskHousehold": r.RelapseRiskHousehold = Chance(rnd, 2); return;
            case "formerlyPoorHousehold": r.FormerlyPoorHousehold = Chance(rnd, 3); return;
            case "receivedHousingSupport": r.ReceivedHousingSupport = Chance(rnd, 2); return;
            case "extremePovertySupport": r.ExtremePovertySupport = r.ExtremePoverty ? (ExtremePovertySupport)rnd.Next(2) : null; return;
            case "severeHardshipHousehold": r.SevereHardshipHousehold = Chance(rnd, 2); return;
            case "disasterAffected": r.DisasterAffected = Chance(rnd, 1); return;
            case "ethnicMinority": r.EthnicMinority = Chance(rnd, 6); return;
            case "militaryDisabilityGrade": r.MilitaryDisabilityGrade = r.MilitaryStatus.HasFlag(MilitaryStatus.DisabledServiceMember) ? rnd.Next(1, 11) : 0; return;
            case "orphanCare": r.OrphanCare = r.Orphan ? (OrphanCare)rnd.Next(2) : null; return;
            case "burialType": r.BurialType = age >= 80 && Chance(rnd, 5) ? (BurialType)rnd.Next(3) : null; return;
            case "planningMarriage": r.PlanningMarriage = age is >= 20 and <= 35 && Chance(rnd, 8); return;
            case "factuallyUnattendedChild": r.FactuallyUnattendedChild = age < 18 && Chance(rnd, 1); return;
            case "pensionInsuranceType": r.PensionInsuranceType = r.Employed || (age >= 60 && Chance(rnd, 50)) ? PensionInsuranceType.Employee : Chance(rnd, 90) ? PensionInsuranceType.Resident : PensionInsuranceType.None; return;
            case "housingIncomeDifficulty": r.HousingIncomeDifficulty = Chance(rnd, 4); return;
            case "postpartum": r.Postpartum = r.Sex == Sex.Female && !r.Pregnant && age is >= 18 and <= 45 && Chance(rnd, 3); return;
            case "involuntaryUnemployment": r.InvoluntaryUnemployment = r.RegisteredUnemployed && Chance(rnd, 60); return;
            case "unemploymentInsuranceMonths": r.UnemploymentInsuranceMonths = age >= 16 ? rnd.Next(0, 121) : 0; return;
            case "legalAidRegardlessOfMeans": r.LegalAidRegardlessOfMeans = Chance(rnd, 1); return;
            case "familyPlanningComplication": r.FamilyPlanningComplication = Chance(rnd, 1) ? (FamilyPlanningComplication)rnd.Next(1, 4) : FamilyPlanningComplication.None; return;
            default:
                throw new InvalidOperationException($"the benchmark population has no field for fact '{fact.Name}': add one to RawResident");
        }
    }
}
