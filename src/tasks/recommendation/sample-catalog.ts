export interface CatalogItem {
  id: string;
  title: string;
  description: string;
}

/** Forty films in eight clear kinds, described in a sentence each (written for this app). */
export const SAMPLE_CATALOG: CatalogItem[] = [
  // space and science fiction
  { id: 'interstellar', title: 'Interstellar', description: 'Astronauts travel through a wormhole near Saturn to find a new planet for humanity.' },
  { id: 'the-martian', title: 'The Martian', description: 'An astronaut stranded on Mars grows potatoes and improvises his way to a rescue.' },
  { id: 'gravity', title: 'Gravity', description: 'Two astronauts drift in orbit after debris destroys their space shuttle.' },
  { id: 'space-odyssey', title: '2001: A Space Odyssey', description: 'A spaceship crew on a mission to Jupiter faces a calm computer that will not obey.' },
  { id: 'apollo-13', title: 'Apollo 13', description: 'An explosion cripples a lunar mission and the crew must bring their spacecraft home.' },
  // romance
  { id: 'notebook', title: 'The Notebook', description: 'A summer love story between a poor young man and a rich girl, told across a lifetime.' },
  { id: 'before-sunrise', title: 'Before Sunrise', description: 'Two strangers meet on a train and fall in love while walking through Vienna for one night.' },
  { id: 'notting-hill', title: 'Notting Hill', description: 'A shy London bookshop owner falls in love with a famous film star.' },
  { id: 'pride-prejudice', title: 'Pride & Prejudice', description: 'A witty young woman and a proud rich gentleman slowly fall in love in Georgian England.' },
  { id: 'when-harry-met-sally', title: 'When Harry Met Sally', description: 'Two friends argue for years about whether men and women can be friends before falling in love.' },
  // animation and family
  { id: 'toy-story', title: 'Toy Story', description: 'A cowboy doll grows jealous when a shiny new space toy becomes the boy\'s favourite.' },
  { id: 'finding-nemo', title: 'Finding Nemo', description: 'A nervous clownfish father crosses the ocean to find his lost son.' },
  { id: 'spirited-away', title: 'Spirited Away', description: 'A girl works in a bathhouse for spirits to free her parents, who were turned into pigs.' },
  { id: 'lion-king', title: 'The Lion King', description: 'A lion cub runs away after his father dies and must return to claim his kingdom.' },
  { id: 'paddington', title: 'Paddington', description: 'A polite bear from Peru who loves marmalade is taken in by a family in London.' },
  // crime and heists
  { id: 'heat', title: 'Heat', description: 'A detective hunts a professional thief planning one last bank robbery in Los Angeles.' },
  { id: 'oceans-eleven', title: 'Ocean\'s Eleven', description: 'A charming thief gathers a crew to rob three Las Vegas casinos in one night.' },
  { id: 'godfather', title: 'The Godfather', description: 'The youngest son of a mafia family becomes a ruthless crime boss.' },
  { id: 'fargo', title: 'Fargo', description: 'A pregnant police chief investigates a kidnapping scheme and murders in snowy Minnesota.' },
  { id: 'reservoir-dogs', title: 'Reservoir Dogs', description: 'After a jewellery heist goes wrong, the surviving criminals suspect a police informant.' },
  // horror
  { id: 'the-shining', title: 'The Shining', description: 'A writer slowly goes mad while caring for an empty haunted hotel through the winter.' },
  { id: 'get-out', title: 'Get Out', description: 'A young man visiting his girlfriend\'s family uncovers a horrifying secret.' },
  { id: 'hereditary', title: 'Hereditary', description: 'After a funeral, a grieving family is haunted by a terrifying demonic curse.' },
  { id: 'quiet-place', title: 'A Quiet Place', description: 'A family must live in silence to hide from monsters that hunt by sound.' },
  { id: 'the-exorcist', title: 'The Exorcist', description: 'Two priests try to save a girl possessed by a demon.' },
  // war
  { id: 'saving-private-ryan', title: 'Saving Private Ryan', description: 'After the D-Day landings, soldiers cross France to bring one paratrooper home.' },
  { id: 'dunkirk', title: 'Dunkirk', description: 'Soldiers trapped on a French beach wait for rescue by navy ships and small civilian boats.' },
  { id: '1917', title: '1917', description: 'Two young soldiers race across the trenches of the First World War to deliver a warning.' },
  { id: 'das-boot', title: 'Das Boot', description: 'The crew of a German submarine endures depth charges and fear during the Second World War.' },
  { id: 'apocalypse-now', title: 'Apocalypse Now', description: 'An army captain travels upriver in the Vietnam War to find a rogue colonel.' },
  // sports
  { id: 'rocky', title: 'Rocky', description: 'A small-time boxer from Philadelphia gets a shot at the heavyweight championship.' },
  { id: 'moneyball', title: 'Moneyball', description: 'A baseball team manager uses statistics to build a winning team on a small budget.' },
  { id: 'remember-the-titans', title: 'Remember the Titans', description: 'A new coach unites a high school football team divided by race.' },
  { id: 'million-dollar-baby', title: 'Million Dollar Baby', description: 'An old boxing trainer reluctantly coaches a determined young woman fighter.' },
  { id: 'chariots-of-fire', title: 'Chariots of Fire', description: 'Two British runners train to compete in the 1924 Olympic Games.' },
  // music
  { id: 'whiplash', title: 'Whiplash', description: 'A young jazz drummer is pushed to breaking point by a brutal music teacher.' },
  { id: 'bohemian-rhapsody', title: 'Bohemian Rhapsody', description: 'The story of the rock band Queen and their singer Freddie Mercury.' },
  { id: 'amadeus', title: 'Amadeus', description: 'A jealous court composer tells how he envied the musical genius of Mozart.' },
  { id: 'walk-the-line', title: 'Walk the Line', description: 'Country singer Johnny Cash rises to fame and falls in love with June Carter.' },
  { id: 'la-la-land', title: 'La La Land', description: 'A jazz pianist and an aspiring actress sing and dance through a love story in Los Angeles.' },
];
