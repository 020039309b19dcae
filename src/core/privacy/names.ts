/**
 * Built-in lists for the privacy check: common first names and surnames (France, and the English
 * speaking world), large French towns, and capitalised words of ordinary speech that are not
 * names. Compared after folding (lowercase, no accents). Names that are also ordinary words
 * (`Claire`, `Rose`, `Petit`, `Blanc`) are flagged only where a name can be: not at a sentence
 * start.
 */
import { foldLetters } from '../text/fold.js';

function folded(list: string): Set<string> {
  return new Set(
    list
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => foldLetters(w)),
  );
}

export const FIRST_NAMES = folded(`
  adam adele adrien agathe agnes alain alban albert alexandre alexandra alexis alice aline alix amandine amelie anais andre andree
  angelique anne annie antoine antoinette apolline arnaud arthur audrey aurelie aurelien axel baptiste benedicte benjamin benoit
  bernadette bernard bertrand brigitte bruno camille capucine carine caroline catherine cecile celine chantal charles charlotte
  chloe christian christiane christine christophe claude clement clemence colette corinne cyril cyrille damien daniel danielle
  david delphine denis denise didier dominique dorothee edith edouard eliane elisabeth elise elodie eloise emilie emile emma
  emmanuel emmanuelle eric estelle etienne eugene eva evelyne fabien fabienne fabrice fanny florence florian francis francine
  franck francois francoise frederic frederique gabriel gabrielle gaelle genevieve georges gerard germaine gilbert gilles
  ginette guillaume guy helene henri henriette herve hugo hugues irene isabelle jacqueline jacques jean jeanne jeannine jeremy
  jerome joel joelle jonathan jordan joseph josephine josette jules julie julien juliette justine karine kevin laetitia laura
  laurence laurent lea lea leon leonie liliane lina lou louis louise luc lucas lucie lucien lucienne ludovic lydie madeleine
  manon marc marcel marcelle margaux marguerite maria marie marine marion marius marthe martine mathieu mathilde matthieu
  maurice maxime melanie michel micheline michele mickael monique muriel myriam nadia nadine nathalie nathan nicolas nicole noah
  noemie odette odile olivier oscar pascal pascale patrice patricia patrick paul paulette pauline perrine philippe pierre
  quentin raphael raymond regine remi renee rene richard robert roger roland romain sabine sacha samuel sandrine sarah
  sebastien serge severine simone solange sophie stephane stephanie suzanne sylvain sylvie theo therese thibault thierry
  thomas timothee valentin valerie veronique victor vincent virginie xavier yann yannick yves yvette yvonne zoe
  mohamed mohammed ahmed ali karim rachid nadia fatima samira leila mehdi sofiane yassine amine farid malika nordine
  aaron abigail alan alice amanda amy andrew angela anna anthony ashley barbara betty brian carol charles christopher daniel
  deborah donald donna dorothy edward elizabeth emily eric frank gary george harry helen jack james jane janet jason jeffrey
  jennifer jessica john joseph joshua karen kenneth kevin kimberly larry laura linda lisa margaret mark mary matthew melissa
  michael michelle nancy olivia patricia paul peter rebecca richard robert ronald ryan sandra sarah scott sharon stephen steven
  susan thomas timothy william
`);

export const SURNAMES = folded(`
  martin bernard thomas petit robert richard durand dubois moreau laurent simon michel lefebvre leroy roux david bertrand morel
  fournier girard bonnet dupont lambert fontaine rousseau vincent muller lefevre faure andre mercier blanc guerin boyer garnier
  chevalier francois legrand gauthier garcia perrin robin clement morin nicolas henry roussel mathieu gautier masson marchand
  duval denis dumont marie lemaire noel meyer dufour meunier brun blanchard giraud joly riviere lucas brunet gaillard barbier
  arnaud martinez gerard roche renard schmitt roy leroux colin vidal caron picard roger fabre aubert lemoine renaud dumas
  lacroix olivier philippe bourgeois pierre benoit rey leclerc payet rolland leclercq guillaume lecomte lopez jean dupuy
  guillot hubert berger carpentier sanchez dupuis moulin louis deschamps huet vasseur perez boucher fleury royer klein jacquet
  adam paris poirier marty aubry guyot carre charles renault charpentier menard maillard baron bertin bailly herve schneider
  fernandez le-gall collet leger bouvier julien prevost millet perrot daniel le-roux cousin germain breton besson langlois
  remy le-goff pelletier leveque perrier leblanc barre lebrun marchal weber mallet hamon boulanger jacob monnier michaud
  rodriguez guichard gillet etienne grondin poulain tessier chevallier collin chauvin da-silva bouchet gay lemaitre benard
  marechal humbert reynaud antoine hoarau perret barthelemy cordier pichon lejeune gilbert lamy delaunay pasquier carlier
  laporte smith johnson williams brown jones miller davis wilson anderson taylor moore jackson white harris thompson
  young allen king wright scott green baker adams nelson hill campbell mitchell roberts carter phillips evans turner
`);

/** Names that are also ordinary words: flagged only where a name can be (not at a sentence start). */
export const AMBIGUOUS_NAMES = folded(`
  claire rose marine blanche constance prudence olive aime aimee ange grace france reine victoire violette hermine
  petit grand blanc brun roux roy leger noel marie pierre paris jean gay royer baron bon colin henry adam rey roche
  cousin germain breton moulin charles louis vincent simon martin bernard thomas robert richard michel laurent denis
  olivier philippe benoit mathieu julien daniel gilbert antoine etienne nicolas clement lucas francois andre david
`);

export const TOWNS = folded(`
  paris marseille lyon toulouse nice nantes montpellier strasbourg bordeaux lille rennes reims toulon grenoble dijon angers
  nimes villeurbanne clermont-ferrand aix-en-provence brest tours amiens limoges annecy perpignan metz besancon orleans
  rouen mulhouse caen nancy argenteuil montreuil roubaix tourcoing avignon poitiers pau la-rochelle calais cannes antibes
  colmar bourges valence chambery troyes quimper lorient vannes saint-brieuc niort angouleme cherbourg le-havre le-mans
  saint-etienne saint-denis saint-malo saint-nazaire bayonne biarritz ajaccio bastia dunkerque boulogne-sur-mer laval
  london manchester birmingham glasgow edinburgh dublin new-york boston chicago montreal quebec bruxelles geneve lausanne
`);

/**
 * Capitalised words of ordinary speech that are not names: English months, days and
 * nationalities, the pronoun I, the acronyms and brand names of French general practice, and
 * French words that open a phrase after a colon or a dash (« Mon soutien psy », « — Bon »).
 */
export const ORDINARY_CAPITALISED = folded(`
  i i'm i've i'd i'll ok okay dieu god internet google facebook whatsapp youtube doctolib ameli vidal prescrire sécu secu
  january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday english french european american british
  francais francaise anglais europe european europeenne africains africain maghrebins maghrebin portugais turcs turc
  doliprane lyrica tramadol skenan lamaline di-antalvic dafalgan efferalgan ixprim topalgic laroxyl contramal
  asalee balint noel paques toussaint covid etats-unis medecins
  mme mlle dr pr m mr mrs ms madame monsieur mademoiselle docteur professeur
  mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs le la les un une des du ce cet cette ces
  je tu il elle on nous vous ils elles et mais ou donc ni car oui non alors bon bah ben voila quand comme si
`);

/** Titles before a name: `Dr Martin`, `Mme Dupont`, `docteur Leroy`. */
export const TITLES = ['Dr', 'Dr.', 'Docteur', 'docteur', 'Pr', 'Pr.', 'Professeur', 'professeur', 'Mme', 'Mme.', 'Madame', 'madame', 'M.', 'Monsieur', 'monsieur', 'Mlle', 'Mademoiselle', 'mademoiselle', 'Me', 'Maître', 'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Miss', 'Doctor', 'doctor', 'Prof.'];

/** A word as names are compared: lowercase, no accents (`Hélène` = `helene`). */
export function fold(word: string): string {
  return foldLetters(word);
}
