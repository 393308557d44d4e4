import { excelFake } from "./excel";
excelFake().then((r) => console.log(JSON.stringify(r)));
