/**
 * Nickname groups for first names: a curated table of English given names with their diminutives and common
 * variant spellings, plus frequent international forms (Spanish, Italian, German, French, Slavic, Dutch). Each
 * line is `canonical variant variant …`; the canonical name is the group key. A short form may belong to
 * several groups ("alex" → alexander and alexandra, "chris" → christopher and christine), so lookups return
 * every group, and two names are nickname-equivalent when their groups intersect.
 */
import { normalizePersonName } from './person-name.js';

const TABLE = `
aaron ron ronnie ronny
abigail abby abbie gail
abraham abe bram
adam ad adie
adelaide addie adela della heidi
adrian adie
agnes aggie nessa nessie
albert al bert bertie albie
alexander alex alec alek alexis sandy sasha xander lex alessandro alejandro alexandre aleksandr aleksander sacha
alexandra alex alexa lexi lexie sandra sandy sasha alessandra alejandra aleksandra
alfred al alf alfie fred freddie
alice ally allie alicia alison
allan al alan allen
amanda mandy manda
amelia amy millie emilia
andrew andy drew andre andreas andres andrea andrei andrey andrzej
angela angie angelica angelina
anne ann annie anna nan nancy nina anita hannah
anthony tony ant antonio anton antoine
arthur art artie
barbara barb babs barbie
benjamin ben benny benji
bernard bernie barney bernardo
beverly bev
bradley brad
brian bryan
bridget biddy bridie brigitte brigid
caroline carol carrie carolyn lina
catherine cathy cat kate katie kathy katherine kathryn catharine kay kitty kit katharina katarina caterina catalina katya kathleen
cecilia cecily cissy celia
charles charlie chuck chas chaz carl carlos karl carlo charley
charlotte lottie charlie lotte carlota
christine chris christina kristina kristine tina chrissy kirsten christiane
christopher chris kit topher cristobal christoph kristof krzysztof cristoforo
clarence clarry
clifford cliff
constance connie
cornelius neil cornell
cynthia cindy
daniel dan danny dane daniele danilo
david dave davey davy dai
deborah debbie deb debra
dennis denny denis
diana di diane dianne
dominic dom nick dominik domenico
donald don donnie
dorothy dot dottie dolly dora
douglas doug
edmund ed eddie ned ted
edward ed eddie ned ted teddy ward eduardo edoardo
edwin ed eddie ned win
eleanor ellie nell nelly nora leonora elenora
elizabeth liz lizzy lizzie beth betty betsy bess bessie eliza elisa elise libby lisa liza elsie isabel isabella ilse elisabeth isabelle lillibet
emily em emmy millie emilie emilia
emma em emmy
eugene gene
evelyn eve evie
florence flo flossie
frances fran fanny frankie francesca francoise franziska
francis frank frankie fran francisco francesco franz francois paco pancho frantisek
frederick fred freddy freddie fritz federico friedrich frederic
gabriel gabe gabby gabriele
gabrielle gabby gaby gabriela
geoffrey geoff jeff jeffrey jeffery
george georgie geo jorge giorgio georg georges yuri
gerald gerry jerry
geraldine gerry geri dina
gertrude gertie trudy trudi
gilbert gil bert
gordon gordy
gregory greg gregor gregorio grzegorz
gwendolyn gwen wendy
harold harry hal
harriet hattie harry
henry hank harry hal hendrik heinrich enrique enrico henri henrik
herbert herb bert
howard howie
hubert bert hugh
hugh hughie hugo
isaac ike zack
jacob jake jakob jacques jakub giacomo
jacqueline jackie jacqui
james jim jimmy jamie jas jem diego santiago jaime jacques giacomo seamus hamish
jane janey jean jeanne jenny janet joan jo
janice jan
jasper jaz
jeffrey jeff geoff geoffrey
jennifer jen jenny jenn jennie
jeremy jerry jem jeremiah
jessica jess jessie
joan joanie jo joanna johanna joanne
johanna hanna hanne jo
john jon johnny jack jock jan johann johannes juan giovanni gianni jean ivan sean shane ian evan hans jens joao
jonathan jon jonny nathan john
joseph joe joey jo jose pepe giuseppe beppe josef jozef pepito
josephine jo josie jojo josefina giuseppina
joshua josh
joyce joy
judith judy jude
julia julie jules juliet giulia
julian jules julius julio giulio
katherine kate kathy katie kathryn kath kat kay kitty catherine cathy kathleen
kenneth ken kenny
kimberly kim kimmy
laurence larry laurie lawrence lorenzo lars lorenz laurent
leonard len lenny leo leonardo leon
leslie les
lillian lily lil lilly
louis lou louie luis luigi ludwig lewis luiz
louise lou lulu luisa louisa
lucas luke luca lukas
lucy lucille lucia luz
madeline maddie maddy madeleine magdalena magda lena
margaret maggie meg peggy madge marge margie greta gretchen rita maisie margo margot daisy marjorie margarita margherita
marilyn mary lyn
martha marty mattie patty
martin marty martino
mary molly polly mae mamie maria marie mimi maureen marian marion miriam maja masha mariya
matilda tilly matty maud
matthew matt matty mattie mat matteo mateo mathieu matthias mateusz
maximilian max maxi maks
maxwell max
melissa mel missy lissa
michael mike mikey mick micky mickey mitch miguel michele michel mikhail misha michal mikael
michelle shelly michele mickey
mildred millie milly
nathan nate nat
nathaniel nat nate nathan
nicholas nick nicky nico nicolas nicola niccolo nikolai nikolaus klaus
nicole nikki nicky nicola
norman norm
oliver ollie olly noll
olivia liv livvy ollie
pamela pam
patricia pat patty patsy trish tricia
patrick pat paddy patsy patricio padraig
paul paulie paolo pablo pavel pawel
penelope penny
peter pete pedro pietro pierre piotr pyotr
philip phil pip felipe filippo phillip
phyllis phyll
rachel rae
raymond ray ramon raimundo
rebecca becky becca
reginald reg reggie rex
richard rich rick ricky dick rickey richie ricardo riccardo
robert bob bobby rob robbie bert bertie roberto
roberta bobbie robbie berta
rodney rod
roger rog
ronald ron ronnie
rosalind ros roz
rose rosie rosa rosalie
samantha sam sammy
samuel sam sammy
sarah sara sally sadie
sebastian seb bastian
sharon shari
sophia sophie sofia sofie
stanley stan
stephanie steph stevie stefanie stefania
stephen steve stevie steven stefan esteban stefano stephan etienne
susan sue susie suzy suzanne susanna
sylvester sly syl
teresa terry tess tessa tracy theresa tessie
theodore ted teddy theo
thomas tom tommy thom tomas tommaso
timothy tim timmy
tobias toby
valerie val
victor vic vince vittorio
victoria vicky tori vic viktoria
vincent vince vinny vin vincenzo
virginia ginny ginger
vivian viv
walter walt wally
wilfred wil fred wilf
william bill billy will willy willie liam wil wim guillermo guglielmo wilhelm willem
winifred win winnie freda
zachary zach zack zak
alan al
alberto beto
alfonso poncho alphonse
antonia toni tonia
beatrice bea trixie beatrix
benedict ben benny
bertram bert
carl karl carlos
cassandra cassie sandra
clara clare claire
clement clem
cyrus cy
delores dee lola dolores
dolores lola lolita
ebenezer eben
eliza liza
ernest ernie ernesto
esther essie hester
eugenia gina
ezekiel zeke
felicity flick
ferdinand ferdie fernando nando
gwendoline gwen
helen nell nellie ellen elaine elena helena lena ellie
ignatius iggy ignacio nacho
irene rena
isidore izzy isidro
ivy vy
jesus chucho chuy
jocelyn joss
katrina trina
lavinia vinnie
lorraine lori
manuel manny manolo emmanuel emanuele
maurice mo morris
montgomery monty
moses moe mo
percival percy
prudence prue pru
randolph randy
rudolph rudy rolf rudolf
sylvia syl sylvie
tabitha tabby
wesley wes
winston winnie
zoe zoey
guadalupe lupe lupita
concepcion concha conchita
francisca paca paquita
ignacia nacha
rosario charo
mercedes meche
consuelo chelo
alexei alyosha lyosha
dmitri dima mitya
ekaterina katya katja
natalia natasha nata natalie natalya
tatiana tanya tania
vladimir vova volodya vlad
svetlana sveta
anastasia nastya stacy stacey
olga olya
yelena lena elena
sergei seryozha serge sergio
boris borya
wolfgang wolf
siegfried siggi
`;

const groupsByName = new Map<string, string[]>();
const groupNames = new Map<string, readonly string[]>();
for (const line of TABLE.split('\n')) {
  const names = line.trim().split(/\s+/).filter((n) => n !== '');
  const key = names[0];
  if (key === undefined) continue;
  const members = [...new Set(names)];
  const existing = groupNames.get(key);
  groupNames.set(key, existing === undefined ? members : [...new Set([...existing, ...members])]);
  for (const name of members) {
    const list = groupsByName.get(name) ?? [];
    if (!list.includes(key)) list.push(key);
    groupsByName.set(name, list);
  }
}

/**
 * Every group: canonical name → its members (canonical included).
 *
 * @example
 * NICKNAME_GROUPS.get('william'); // ['william', 'bill', 'billy', 'will', 'willy', 'willie', 'liam', …]
 */
export const NICKNAME_GROUPS: ReadonlyMap<string, readonly string[]> = groupNames;

/**
 * Every nickname group a first name belongs to (group keys, table order); empty when it is in none. Input is
 * normalized first (`normalizePersonName`), so case and accents do not matter.
 *
 * @example
 * nicknameGroups('Bob'); // ['robert']
 * nicknameGroups('Alex'); // ['alexander', 'alexandra']
 * nicknameGroups('Zebedee'); // []
 */
export function nicknameGroups(name: string): readonly string[] {
  return groupsByName.get(normalizePersonName(name)) ?? [];
}

/**
 * The group key of a first name: its first nickname group, or the normalized name itself when it is in none.
 *
 * @example
 * canonicalFirstName('Bobby'); // 'robert'
 * canonicalFirstName('José'); // 'joseph'
 * canonicalFirstName('Zebedee'); // 'zebedee'
 */
export function canonicalFirstName(name: string): string {
  const normalized = normalizePersonName(name);
  return groupsByName.get(normalized)?.[0] ?? normalized;
}

/**
 * Whether two first names share a nickname group (or are equal after normalization).
 *
 * @example
 * areNicknameEquivalent('Bill', 'William'); // true
 * areNicknameEquivalent('Bill', 'Robert'); // false
 */
export function areNicknameEquivalent(a: string, b: string): boolean {
  const x = normalizePersonName(a);
  const y = normalizePersonName(b);
  if (x === y) return true;
  const gx = groupsByName.get(x) ?? [];
  const gy = groupsByName.get(y) ?? [];
  return gx.some((g) => gy.includes(g));
}
