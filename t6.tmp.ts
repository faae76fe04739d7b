import { tasksFor, upcomingFor } from './src/followup/tasks';
const cs = Array.from({length:3000},(_,i)=>({ id:'c'+i, name:'客'+i, tier: (['A','B','C','D'] as const)[i%4], ownerId:'s'+(i%10), optOut: i%7===0, visits:3, totalSpend:5000, preferences:['喜欢茅台'], followUpLog:[], lastVisit:'2026-0'+(1+i%9)+'-1'+(i%9), birthday:{calendar:(i%2?'lunar':'solar') as 'lunar'|'solar', month:1+i%12, day:1+i%30} }));
let t=Date.now(); 
for (const c of cs) { tasksFor(c,'2026-09-20'); upcomingFor(c,'2026-09-20'); }
console.log('first', Date.now()-t, 'ms');
t=Date.now(); for (const c of cs) { tasksFor(c,'2026-09-21'); upcomingFor(c,'2026-09-21'); } console.log('second', Date.now()-t,'ms');
